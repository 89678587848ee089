package io.warroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.IncidentEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which incident events go out, as what, and what a private incident's events leave out. */
class ChangeTest {

  private static final Instant AT = Instant.parse("2026-12-07T00:00:00Z");
  private static final ActionItem DONE =
      new ActionItem(
          7L, 1, "Rotate the partner keys", "U2", "U1", AT, ActionStatus.DONE, "U2", AT, null);

  @Test
  void anActionItemClosedSaysHowAndLeavesItsTextOutWhenPrivate() {
    IncidentEvent closed = new IncidentEvent.ActionItemClosed(1, DONE, "U2", AT);
    Change open = Change.of(closed, false).get(0);
    assertEquals(EventType.ACTION_ITEM_CLOSED, open.type());
    assertEquals("io.warroom.action_item.closed", open.type().type());
    Map<?, ?> item = (Map<?, ?>) open.fields().get("actionItem");
    assertEquals("done", item.get("status"));
    assertEquals("Rotate the partner keys", item.get("text"));
    Map<?, ?> hidden = (Map<?, ?>) Change.of(closed, true).get(0).fields().get("actionItem");
    assertFalse(hidden.containsKey("text"));
    assertEquals(7L, hidden.get("id"));
  }

  @Test
  void notesTasksAndRemindersStayInside() {
    assertTrue(Change.of(new IncidentEvent.NoteAdded(1, "db is slow", "U1", AT), false).isEmpty());
    assertTrue(Change.of(new IncidentEvent.PostmortemRequested(1, "U1", AT), false).size() == 1);
    assertEquals(
        List.of(EventType.POSTMORTEM_READY),
        Change.of(new IncidentEvent.PostmortemRequested(1, "U1", AT), true).stream()
            .map(Change::type)
            .toList());
  }
}
