package io.warroom.pages;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Signed links to the pages: {@code <public url><path>?exp=<epoch seconds>&sig=<HMAC-SHA256 of
 * path, newline, exp; base64url>}. A link works until its expiry; changing the path, the expiry or
 * the signature breaks it.
 */
@Singleton
public class PageLinks {

  private final PageSettings settings;
  private final Clock clock;

  PageLinks(PageSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** A link to an incident's page. */
  public String incident(long incidentId) {
    return link("/incidents/" + incidentId);
  }

  /** A link to the insights page. */
  public String insights() {
    return link("/insights");
  }

  /** How long a new link works. */
  public java.time.Duration ttl() {
    return settings.ttl();
  }

  String link(String path) {
    long exp = clock.instant().plus(settings.ttl()).getEpochSecond();
    return settings.publicUrl() + path + "?exp=" + exp + "&sig=" + signature(path, exp);
  }

  /** Whether {@code exp} and {@code sig} are a valid, unexpired signature of {@code path}. */
  boolean valid(String path, String exp, String sig) {
    if (exp == null || sig == null || !exp.matches("[0-9]{1,12}")) {
      return false;
    }
    long expiry = Long.parseLong(exp);
    if (!Instant.ofEpochSecond(expiry).isAfter(clock.instant())) {
      return false;
    }
    return MessageDigest.isEqual(
        signature(path, expiry).getBytes(StandardCharsets.US_ASCII),
        sig.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String path, long exp) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(PageSettingsFactory.hmac(settings.secret(), path + "\n" + exp));
  }
}
