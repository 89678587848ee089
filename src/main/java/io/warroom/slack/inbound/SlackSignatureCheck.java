package io.warroom.slack.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, checked on the raw body before anything reads it: {@code v0=} + hex
 * HMAC-SHA256 of {@code v0:<timestamp>:<body>}. Unlike Bolt's verifier, a timestamp more than five
 * minutes in the future is refused like one in the past, and the signatures are compared in
 * constant time ({@link MessageDigest#isEqual}).
 */
final class SlackSignatureCheck {

  static final Duration WINDOW = Duration.ofMinutes(5);

  private final SecretKeySpec key;
  private final Clock clock;

  SlackSignatureCheck(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** Why the request is refused, or empty when its signature holds. */
  Optional<String> refusal(String timestamp, String signature, String body) {
    if (timestamp == null || signature == null) {
      return Optional.of("no signature");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Optional.of("malformed timestamp");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > WINDOW.toSeconds()) {
      return Optional.of("timestamp more than 5 minutes away");
    }
    byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of("bad signature");
  }

  private String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
