package io.warroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.IncidentEvent;
import java.time.Instant;
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
    var closed = new IncidentEvent.ActionItemClosed(1, DONE, "U2", AT);
    Change open = Change.actionItemClosed(closed, false);
    assertEquals(EventType.ACTION_ITEM_CLOSED, open.type());
    assertEquals("io.warroom.action_item.closed", open.type().type());
    Map<?, ?> item = (Map<?, ?>) open.fields().get("actionItem");
    assertEquals("done", item.get("status"));
    assertEquals("Rotate the partner keys", item.get("text"));
    Map<?, ?> hidden = (Map<?, ?>) Change.actionItemClosed(closed, true).fields().get("actionItem");
    assertFalse(hidden.containsKey("text"));
    assertEquals(7L, hidden.get("id"));
  }

  @Test
  void aPostmortemReadyEventSaysOnlyWhoAskedForIt() {
    Change ready = Change.postmortemReady("U1");
    assertEquals(EventType.POSTMORTEM_READY, ready.type());
    assertEquals(Map.of("by", "U1"), ready.fields());
  }
}
