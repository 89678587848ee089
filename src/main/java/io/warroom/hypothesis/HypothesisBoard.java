package io.warroom.hypothesis;

import io.micronaut.context.annotation.Value;
import io.warroom.chat.ChatMessage;
import io.warroom.room.delivery.RoomDrawing;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The board message in the war room, drawn from the stored hypotheses whenever it is delivered. */
@Singleton
class HypothesisBoard implements RoomDrawing {

  static final String NAME = "hypotheses";

  private final HypothesisRepository hypotheses;
  private final Clock clock;
  private final Duration staleAfter;

  HypothesisBoard(
      HypothesisRepository hypotheses,
      Clock clock,
      @Value("${warroom.hypotheses.stale-after:15m}") Duration staleAfter) {
    this.hypotheses = hypotheses;
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ChatMessage draw(long incidentId) {
    return BoardView.render(hypotheses.findByIncident(incidentId), clock.instant(), staleAfter);
  }
}
