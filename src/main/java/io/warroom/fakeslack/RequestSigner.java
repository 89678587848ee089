package io.warroom.fakeslack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as Slack does: {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<body>} with
 * the app's signing secret.
 */
public final class RequestSigner {

  private final byte[] secret;

  public RequestSigner(String signingSecret) {
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
  }

  public String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("v0=");
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
