package io.warroom.incident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Follow-up action items: recorded during or after the incident, closed as done or won't do, and
 * nudged weekly to their owners while the incident is resolved and they are still open.
 */
@Singleton
public class ActionItemService {

  /** How often an open action item of a resolved incident reminds its owner. */
  public static final Duration WEEKLY = Duration.ofDays(7);

  private final ActionItemRepository items;
  private final IncidentRepository incidents;
  private final IncidentLocks locks;
  private final IncidentEvents events;
  private final Clock clock;

  ActionItemService(
      ActionItemRepository items,
      IncidentRepository incidents,
      IncidentLocks locks,
      IncidentEvents events,
      Clock clock) {
    this.items = items;
    this.incidents = incidents;
    this.locks = locks;
    this.events = events;
    this.clock = clock;
  }

  /** Records an action item; allowed after resolution too. */
  @Transactional
  public ActionItem record(long incidentId, String text, @Nullable String owner, String by) {
    String what =
        IncidentRules.requireText(text, "`/incident action Add DB CPU alarms at 80% @bob`");
    Incident incident = locks.lock(incidentId);
    Instant now = clock.instant();
    Instant reminder = incident.isOpen() ? null : now.plus(WEEKLY);
    ActionItem item =
        items.save(
            new ActionItem(
                null, incidentId, what, owner, by, now, ActionStatus.OPEN, null, null, reminder));
    events.publish(new IncidentEvent.ActionItemRecorded(incidentId, item, by, now));
    return item;
  }

  /** Marks an item done or won't do; anyone may, and who did is recorded. */
  @Transactional
  public ActionItem close(long itemId, ActionStatus status, String by) {
    ActionItem item =
        items.findById(itemId).orElseThrow(() -> new Refusal("That action item no longer exists."));
    Instant now = clock.instant();
    if (items.close(itemId, status.name(), by, now) == 0) {
      ActionItem current = items.findById(itemId).orElse(item);
      throw new Refusal(
          "That action item is already closed ("
              + current.status().label()
              + (current.closedBy() == null ? "" : ", by <@" + current.closedBy() + ">")
              + ").");
    }
    ActionItem closed =
        new ActionItem(
            item.id(),
            item.incidentId(),
            item.text(),
            item.owner(),
            item.createdBy(),
            item.createdAt(),
            status,
            by,
            now,
            null);
    events.publish(new IncidentEvent.ActionItemClosed(item.incidentId(), closed, by, now));
    return closed;
  }

  /** Up to {@code limit} open action items {@code owner} owns, oldest first. */
  @ReadOnly
  public List<ActionItem> openFor(String owner, int limit) {
    return items.findOpenByOwner(owner, limit);
  }

  @ReadOnly
  public List<ActionItem> list(long incidentId) {
    return items.findByIncident(incidentId);
  }

  /**
   * Sends one weekly reminder, if this caller wins the due time (compare-and-set, so one replica
   * sends it); returns whether it did.
   */
  @Transactional
  public boolean remind(ActionItem item) {
    Instant now = clock.instant();
    Instant next = item.nextReminderAt().plus(WEEKLY);
    if (!next.isAfter(now)) {
      next = now.plus(WEEKLY);
    }
    if (items.claimReminder(item.id(), item.nextReminderAt(), next) != 1) {
      return false;
    }
    events.publish(new IncidentEvent.ActionItemReminder(item.incidentId(), item, now));
    return true;
  }

  @ReadOnly
  public List<ActionItem> dueReminders(Instant now, int limit) {
    return items.findDueReminders(now, limit);
  }

  /** Tells the war room the review is due; the caller claimed the due time in this transaction. */
  @Transactional
  public void reviewDue(long incidentId, Instant dueAt) {
    incidents
        .findById(incidentId)
        .ifPresent(
            incident ->
                events.publish(
                    new IncidentEvent.ReviewDue(
                        incident,
                        items.findByIncident(incidentId).stream()
                            .filter(ActionItem::isOpen)
                            .toList(),
                        dueAt,
                        clock.instant())));
  }

  /** Starts (on resolve) or stops (on reopen) the weekly nudges of the open items. */
  void followUp(long incidentId, @Nullable Instant firstReminder) {
    items.scheduleReminders(incidentId, firstReminder);
  }

  /** The action items of many incidents (ids in chunks of 500). */
  public List<ActionItem> ofIncidents(List<Long> incidentIds) {
    List<ActionItem> out = new java.util.ArrayList<>();
    for (int from = 0; from < incidentIds.size(); from += 500) {
      out.addAll(
          items.findByIncidentIdIn(
              incidentIds.subList(from, Math.min(incidentIds.size(), from + 500))));
    }
    return out;
  }
}
