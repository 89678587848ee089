package io.warroom.slack;

import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Refusal;

/** Reads the person a command names: a Slack mention, or {@code me}. */
public final class MentionArg {

  private MentionArg() {}

  public static String user(String word, String caller, String example) {
    if (word == null || word.isBlank()) {
      throw new Refusal("Say who: " + example);
    }
    if (word.equalsIgnoreCase("me")) {
      return caller;
    }
    return SlackText.userId(word)
        .orElseThrow(
            () ->
                new Refusal(
                    "I could not find a Slack user in `"
                        + Mrkdwn.escape(Mrkdwn.truncate(SlackText.plain(word), 40))
                        + "`. Pick them from the @ list so Slack fills in the name: "
                        + example));
  }
}
