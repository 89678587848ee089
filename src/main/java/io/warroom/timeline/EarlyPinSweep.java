package io.warroom.timeline;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gives pushpins that came before their message ({@link TimelineWriter#pin}) to the message once it
 * is stored, each message's in one transaction. Every replica sweeps; a pin counts for the one
 * transaction that deletes it. Those whose message never comes, {@link EarlyPinJanitor} forgets
 * with the deliveries.
 */
@Singleton
class EarlyPinSweep {

  private final EarlyPinRepository early;
  private final TimelineWriter writer;
  private final TransactionOperations<Connection> tx;

  EarlyPinSweep(
      EarlyPinRepository early, TimelineWriter writer, TransactionOperations<Connection> tx) {
    this.early = early;
    this.writer = writer;
    this.tx = tx;
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
  }
}
