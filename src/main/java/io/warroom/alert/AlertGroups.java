package io.warroom.alert;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stores alert groups: one row per source and key, created by its first notification and rewritten
 * by every later one that changes something. The row is committed before the caller answers.
 */
@Singleton
public class AlertGroups {

  /** What a notification did to its group. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** Nothing to apply it to (a PagerDuty acknowledge or resolve of an unknown key). */
    IGNORED
  }

  private final AlertGroupRepository groups;
  private final Clock clock;
  private final ApplicationEventPublisher<AlertGroupChanged> changed;

  AlertGroups(
      AlertGroupRepository groups,
      Clock clock,
      ApplicationEventPublisher<AlertGroupChanged> changed) {
    this.groups = groups;
    this.clock = clock;
    this.changed = changed;
  }

  public Optional<AlertGroup> find(AlertSource source, String key) {
    return groups.findBySourceAndSourceKey(source.key(), key);
  }

  /**
   * Applies a change to the group: {@code change} gets the stored group (if any) and answers its
   * new state, or nothing to leave it as it is.
   */
  @Transactional
  public Outcome apply(
      AlertSource source, String key, Function<Optional<AlertGroup>, Optional<GroupState>> change) {
    Instant now = clock.instant();
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<AlertGroup> stored = groups.findBySourceAndSourceKeyForUpdate(source.key(), key);
      Optional<GroupState> next = change.apply(stored);
      if (next.isEmpty()) {
        return stored.isEmpty() ? Outcome.IGNORED : Outcome.UNCHANGED;
      }
      GroupState s = next.get();
      String hash = s.hash();
      if (stored.isPresent()) {
        if (stored.get().contentHash().equals(hash)) {
          return Outcome.UNCHANGED;
        }
        groups.update(stored.get().with(s, now));
        groups.bumpRevision(stored.get().id());
        changed.publishEvent(new AlertGroupChanged(stored.get().id()));
        return Outcome.UPDATED;
      }
      int inserted =
          groups.insertIfAbsent(
              source.key(),
              key,
              s.status(),
              s.severity().name(),
              s.summary(),
              s.runbookUrl(),
              s.generatorUrl(),
              s.firingCount(),
              s.alertCount(),
              s.startedAt(),
              s.acknowledgedAt(),
              s.alertsJson(),
              hash,
              now);
      if (inserted == 1) {
        groups
            .findBySourceAndSourceKey(source.key(), key)
            .ifPresent(g -> changed.publishEvent(new AlertGroupChanged(g.id())));
        return Outcome.CREATED;
      }
      // Another notification of the same group inserted it meanwhile: apply this one on top.
    }
    throw new IllegalStateException("alert group " + source.key() + " could not be stored");
  }
}
