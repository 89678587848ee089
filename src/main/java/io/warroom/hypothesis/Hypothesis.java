package io.warroom.hypothesis;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One hypothesis of an incident.
 *
 * @param number H{@code number}, given out per incident and never reused
 * @param link the chat message it was tracked from, if any
 * @param owners who said "I'll check", comma-separated in order
 * @param changedAt its last change (raised, taken on, settled), for "stale"
 * @param staleDrawn the board already shows it stale (so the sweep redraws only once)
 */
@MappedEntity("hypothesis")
public record Hypothesis(
    @Id @GeneratedValue @Nullable Long id,
    long incidentId,
    int number,
    String text,
    @Nullable String link,
    String raisedBy,
    Instant raisedAt,
    HypothesisState state,
    String owners,
    Instant changedAt,
    boolean staleDrawn,
    @Nullable String closedBy,
    @Nullable Instant closedAt,
    @Nullable String note) {

  public String name() {
    return "H" + number;
  }

  public List<String> ownerList() {
    return owners.isEmpty() ? List.of() : Arrays.asList(owners.split(","));
  }
}
