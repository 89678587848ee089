package io.warroom.webhook;

import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.ActionItem;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.StatusUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed, as an event's {@code data.change}: the event's type and the fields that say what
 * happened. Text that people wrote (an update, how it was mitigated, an action item) is left out
 * for a private incident.
 */
record Change(EventType type, Map<String, Object> fields) {

  /** The events an incident event becomes; none for changes that are not sent out. */
  static List<Change> of(IncidentEvent event, boolean privateIncident) {
    List<Change> out = new ArrayList<>();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("by", event.actor());
    if (event instanceof IncidentEvent.Declared) {
      out.add(new Change(EventType.DECLARED, f));
    } else if (event instanceof IncidentEvent.SeverityChanged s) {
      f.put("from", s.from().name());
      f.put("to", s.incident().severity().name());
      out.add(new Change(EventType.SEVERITY_CHANGED, f));
    } else if (event instanceof IncidentEvent.RoleAssigned r) {
      f.put("role", r.role().keyword());
      f.put("previous", r.previous());
      f.put("assignee", r.assignee());
      out.add(new Change(EventType.ROLE_ASSIGNED, f));
    } else if (event instanceof IncidentEvent.StatusUpdated u) {
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
      out.add(new Change(EventType.STATUS_UPDATED, f));
    } else if (event instanceof IncidentEvent.Mitigated m) {
      text(f, m.text(), privateIncident);
      out.add(new Change(EventType.MITIGATED, f));
    } else if (event instanceof IncidentEvent.Resolved r) {
      text(f, r.text(), privateIncident);
      out.add(new Change(EventType.RESOLVED, f));
      out.add(postmortemReady(event.actor()));
    } else if (event instanceof IncidentEvent.PostmortemRequested) {
      out.add(postmortemReady(event.actor()));
    } else if (event instanceof IncidentEvent.Reopened) {
      out.add(new Change(EventType.REOPENED, f));
    } else if (event instanceof IncidentEvent.ActionItemRecorded a) {
      f.put("actionItem", item(a.item(), privateIncident));
      out.add(new Change(EventType.ACTION_ITEM_CREATED, f));
    } else if (event instanceof IncidentEvent.ActionItemClosed a) {
      f.put("actionItem", item(a.item(), privateIncident));
      out.add(new Change(EventType.ACTION_ITEM_CLOSED, f));
    }
    return out;
  }

  private static Change postmortemReady(String by) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("by", by);
    return new Change(EventType.POSTMORTEM_READY, f);
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
