package io.warroom.alert;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** What a group is after a notification, before it is stored. */
record GroupState(
    String status,
    Severity severity,
    String summary,
    @Nullable String runbookUrl,
    @Nullable String generatorUrl,
    int firingCount,
    int alertCount,
    @Nullable Instant startedAt,
    @Nullable Instant acknowledgedAt,
    String alertsJson) {

  /** A digest of every stored field: equal digests mean the notification changes nothing. */
  String hash() {
    String all =
        String.join(
            "\u0000",
            status,
            severity.name(),
            summary,
            String.valueOf(runbookUrl),
            String.valueOf(generatorUrl),
            Integer.toString(firingCount),
            Integer.toString(alertCount),
            String.valueOf(startedAt),
            String.valueOf(acknowledgedAt),
            alertsJson);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(all.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
