package io.warroom.alert;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code WARROOM_INTEGRATION_TOKEN}, compared in constant time. When it is unset nothing matches,
 * so every alert endpoint answers 401.
 */
@Singleton
class IntegrationToken {

  private final byte[] token;

  IntegrationToken(AlertSettings settings) {
    this.token = settings.token().map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  boolean configured() {
    return token != null;
  }

  /** Whether an {@code Authorization} header carries the token as a bearer token. */
  boolean bearer(String authorization) {
    String header = authorization == null ? "" : authorization;
    return header.startsWith("Bearer ") && matches(header.substring("Bearer ".length()).trim());
  }

  boolean matches(String presented) {
    return token != null
        && presented != null
        && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }
}
