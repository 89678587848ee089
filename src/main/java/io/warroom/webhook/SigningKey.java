package io.warroom.webhook;

import io.warroom.config.StartupProblem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks symmetric secret: {@code whsec_} followed by the base64 of 24 to 64 random
 * bytes. Signs {@code id.timestamp.body} with HMAC-SHA256; the signature header is {@code
 * v1,<base64>}. Never printed.
 */
final class SigningKey {

  static final String PREFIX = "whsec_";
  private final byte[] key;

  private SigningKey(byte[] key) {
    this.key = key;
  }

  /** Reads the setting; a bad value is a one-line {@link StartupProblem} that never shows it. */
  static SigningKey parse(String env, String raw) {
    String value = raw == null ? "" : raw.trim();
    if (value.isEmpty()) {
      throw new StartupProblem(
          env
              + " is required when WARROOM_WEBHOOK_URLS is set; give whsec_ and the base64 of"
              + " 24 to 64 random bytes");
    }
    String encoded = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value;
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new StartupProblem(env + " is not whsec_ followed by base64");
    }
    if (bytes.length < 24 || bytes.length > 64) {
      throw new StartupProblem(
          env + " decodes to " + bytes.length + " bytes; Standard Webhooks asks for 24 to 64");
    }
    return new SigningKey(bytes);
  }

  /** The {@code webhook-signature} header value for this message. */
  String sign(String messageId, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest =
          mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[(set)]";
  }
}
