package io.warroom.timeline;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gives pushpins that came before their message ({@link TimelineWriter#pin}) to the message once it
 * is stored, each message's in one transaction, and forgets those whose message never comes after
 * {@link #KEEP}. Every replica sweeps; a pin counts for the one transaction that deletes it.
 */
@Singleton
class EarlyPinSweep {

  /** Far longer than Slack keeps redelivering a message event (three tries within the hour). */
  static final Duration KEEP = Duration.ofDays(3);

  private final EarlyPinRepository early;
  private final TimelineWriter writer;
  private final TransactionOperations<Connection> tx;
  private final Clock clock;

  EarlyPinSweep(
      EarlyPinRepository early,
      TimelineWriter writer,
      TransactionOperations<Connection> tx,
      Clock clock) {
    this.early = early;
    this.writer = writer;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${warroom.timeline.early-pin-sweep:10s}")
  void sweep() {
    Map<String, List<EarlyPin>> byMessage =
        early.arrived().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.channelId() + " " + p.ts(), LinkedHashMap::new, Collectors.toList()));
    for (List<EarlyPin> pins : byMessage.values()) {
      tx.executeWrite(
          status -> {
            writer.giveEarlyPins(pins);
            return null;
          });
    }
    early.forgetBefore(clock.instant().minus(KEEP));
  }
}
