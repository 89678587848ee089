package io.warroom.webhook;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.ActionItem;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.StatusUpdate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What changed, as an event's {@code data.change}: the event's type and the fields that say what
 * happened; one factory per incident event that goes out ({@link WebhookRecorder} subscribes to
 * those, so notes, tasks and reminders stay inside). Text that people wrote (an update, how it was
 * mitigated, an action item) is left out for a private incident.
 */
record Change(EventType type, Map<String, Object> fields) {

  static Change declared(String by) {
    return new Change(EventType.DECLARED, by(by));
  }

  static Change severityChanged(IncidentEvent.SeverityChanged s) {
    Map<String, Object> f = by(s.actor());
    f.put("from", s.from().name());
    f.put("to", s.incident().severity().name());
    return new Change(EventType.SEVERITY_CHANGED, f);
  }

  static Change roleAssigned(IncidentEvent.RoleAssigned r) {
    Map<String, Object> f = by(r.actor());
    f.put("role", r.role().keyword());
    f.put("previous", r.previous());
    f.put("assignee", r.assignee());
    return new Change(EventType.ROLE_ASSIGNED, f);
  }

  static Change statusUpdated(IncidentEvent.StatusUpdated u, boolean privateIncident) {
    Map<String, Object> f = by(u.actor());
    StatusUpdate update = u.update();
    f.put("status", update.status() == null ? null : lower(update.status().name()));
    if (!privateIncident) {
      f.put("impact", update.impact());
      f.put("actionsTaken", update.actionsTaken());
      f.put("nextSteps", update.nextSteps());
    }
    f.put(
        "nextUpdateInSeconds",
        update.nextUpdateIn() == null ? null : update.nextUpdateIn().toSeconds());
    return new Change(EventType.STATUS_UPDATED, f);
  }

  static Change mitigated(IncidentEvent.Mitigated m, boolean privateIncident) {
    Map<String, Object> f = by(m.actor());
    text(f, m.text(), privateIncident);
    return new Change(EventType.MITIGATED, f);
  }

  /** Resolving also makes the postmortem ready: {@link #postmortemReady} follows it. */
  static Change resolved(IncidentEvent.Resolved r, boolean privateIncident) {
    Map<String, Object> f = by(r.actor());
    text(f, r.text(), privateIncident);
    return new Change(EventType.RESOLVED, f);
  }

  static Change reopened(String by) {
    return new Change(EventType.REOPENED, by(by));
  }

  static Change actionItemCreated(IncidentEvent.ActionItemRecorded a, boolean privateIncident) {
    Map<String, Object> f = by(a.actor());
    f.put("actionItem", item(a.item(), privateIncident));
    return new Change(EventType.ACTION_ITEM_CREATED, f);
  }

  static Change actionItemClosed(IncidentEvent.ActionItemClosed a, boolean privateIncident) {
    Map<String, Object> f = by(a.actor());
    f.put("actionItem", item(a.item(), privateIncident));
    return new Change(EventType.ACTION_ITEM_CLOSED, f);
  }

  static Change postmortemReady(String by) {
    return new Change(EventType.POSTMORTEM_READY, by(by));
  }

  private static Map<String, Object> by(String by) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("by", by);
    return f;
  }

  private static void text(Map<String, Object> f, @Nullable String text, boolean privateIncident) {
    if (!privateIncident) {
      f.put("text", text);
    }
  }

  private static Map<String, Object> item(ActionItem item, boolean privateIncident) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", item.id());
    if (!privateIncident) {
      m.put("text", item.text());
    }
    m.put("owner", item.owner());
    m.put("status", lower(item.status().name()));
    m.put("createdBy", item.createdBy());
    m.put("closedBy", item.closedBy());
    return m;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
