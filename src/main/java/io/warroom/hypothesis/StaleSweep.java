package io.warroom.hypothesis;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.warroom.incident.IncidentRepository;
import io.warroom.room.delivery.RoomPosts;
import io.warroom.room.delivery.WarRoomSync;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redraws a board once one of its hypotheses has been investigated for longer than the stale time
 * with no change, so the board marks it stale without anyone touching it. Each hypothesis is marked
 * once, under its incident's lock, so two replicas redraw it once between them.
 */
@Singleton
class StaleSweep {

  private static final Logger LOG = LoggerFactory.getLogger(StaleSweep.class);

  private final HypothesisRepository hypotheses;
  private final IncidentRepository incidents;
  private final RoomPosts posts;
  private final WarRoomSync sync;
  private final TransactionOperations<Connection> tx;
  private final Clock clock;
  private final Duration staleAfter;

  StaleSweep(
      HypothesisRepository hypotheses,
      IncidentRepository incidents,
      RoomPosts posts,
      WarRoomSync sync,
      TransactionOperations<Connection> tx,
      Clock clock,
      @Value("${warroom.hypotheses.stale-after:15m}") Duration staleAfter) {
    this.hypotheses = hypotheses;
    this.incidents = incidents;
    this.posts = posts;
    this.sync = sync;
    this.tx = tx;
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  @Scheduled(
      fixedDelay = "${warroom.hypotheses.stale-sweep:30s}",
      initialDelay = "${warroom.hypotheses.stale-sweep:30s}")
  void sweep() {
    try {
      Instant before = clock.instant().minus(staleAfter);
      for (long incidentId : hypotheses.findGoneStale(before)) {
        boolean marked =
            tx.executeWrite(
                status -> {
                  incidents.findByIdForUpdate(incidentId);
                  if (hypotheses.markStaleDrawn(incidentId, before) == 0) {
                    return false;
                  }
                  posts.redraw(incidentId, HypothesisBoard.NAME);
                  return true;
                });
        if (marked) {
          sync.kick(incidentId);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Stale hypothesis sweep failed: {}", e.toString());
    }
  }
}
