package io.warroom.pages;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code WARROOM_PAGE_SECRET} signs the page links. Unset, the key is derived from the Slack
 * signing secret, or in Socket Mode from the app-level token (HMAC-SHA256 of a fixed label keyed by
 * it): every replica derives the same key, and the Slack secret cannot be recovered from the key or
 * a link. Rotating that Slack secret (or setting WARROOM_PAGE_SECRET) voids the links given so far.
 * With none of them set, starting fails with a message naming the setting.
 */
@Factory
class PageSettingsFactory {

  static final String LABEL = "warroom page links v1";

  @Singleton
  PageSettings pageSettings(
      @Value("${warroom.page-secret:}") String secret,
      @Value("${slack.signing-secret:}") String signingSecret,
      @Value("${slack.app-token:}") String appToken,
      @Value("${warroom.page-link-ttl:30d}") String ttl,
      @Value("${warroom.public-url:`http://localhost:8080`}") String publicUrl) {
    byte[] key;
    if (!secret.isBlank()) {
      if (secret.strip().length() < 16) {
        throw new ConfigurationException("WARROOM_PAGE_SECRET must be at least 16 characters");
      }
      key = secret.strip().getBytes(StandardCharsets.UTF_8);
    } else if (!signingSecret.isBlank()) {
      key = hmac(signingSecret.strip().getBytes(StandardCharsets.UTF_8), LABEL);
    } else if (!appToken.isBlank()) {
      key = hmac(appToken.strip().getBytes(StandardCharsets.UTF_8), LABEL);
    } else {
      throw new ConfigurationException(
          "set WARROOM_PAGE_SECRET (or SLACK_SIGNING_SECRET, from which it is derived)");
    }
    return new PageSettings(key, duration(ttl), URI.create(publicUrl.replaceAll("/+$", "")));
  }

  static Duration duration(String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("d")) {
        return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.parse(text.strip());
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new ConfigurationException(
          "WARROOM_PAGE_LINK_TTL must be like 30d or 12h, not " + text);
    }
  }

  static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing", e);
    }
  }
}
