package io.warroom.slack.record;

import java.time.Duration;

/** The private answer carrying a signed page link. */
public final class ShareText {

  private ShareText() {}

  public static String of(String url, Duration ttl) {
    String link = url.replace("&", "&amp;");
    long days = ttl.toDays();
    String lasts = days >= 1 ? days + (days == 1 ? " day" : " days") : ttl.toHours() + " hours";
    return ":link: <"
        + link
        + "|Read-only page> (works for "
        + lasts
        + " for anyone who has the link; share it only with people who may see it):\n"
        + link;
  }
}
