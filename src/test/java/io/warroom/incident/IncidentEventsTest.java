package io.warroom.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.warroom.support.TestApp;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How features hear incident events: a listener of one event type hears it, inside the transaction
 * of the change and in {@link EventOrder}; an after-commit listener only once the change is
 * committed. Micronaut's own typed publisher would miss listeners of one type, which is why {@link
 * IncidentEvents} exists.
 */
class IncidentEventsTest {

  private static TestApp app;
  private static IncidentService incidents;
  private static Probe probe;

  @BeforeAll
  static void start() {
    app = TestApp.start(Map.of("spec.name", "IncidentEventsTest"));
    incidents = app.bean(IncidentService.class);
    probe = app.bean(Probe.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aListenerOfOneEventTypeHearsItInOrderAndAfterCommit() {
    long id = declare("probe-1");
    incidents.addNote(id, "Rolled back the 14:02 deploy", "U1");
    assertEquals(
        List.of("first: Rolled back the 14:02 deploy", "second: Rolled back the 14:02 deploy"),
        probe.heard(id));
    TestApp.await(
        "the after-commit listener",
        () -> probe.committed.contains("Rolled back the 14:02 deploy"));
    assertEquals(1, timelineEntries(id, "Rolled back the 14:02 deploy"));
  }

  @Test
  void aListenerThatFailsUndoesTheWholeChange() {
    long id = declare("probe-2");
    assertThrows(IllegalStateException.class, () -> incidents.addNote(id, Probe.FAIL, "U1"));
    // The timeline wrote its entry before the probe failed, in the same transaction: gone with it.
    assertEquals(0, timelineEntries(id, Probe.FAIL));
    incidents.addNote(id, "after the failure", "U1");
    TestApp.await("the next change", () -> probe.committed.contains("after the failure"));
    assertTrue(!probe.committed.contains(Probe.FAIL), "a rolled-back change is not heard after");
  }

  @Test
  void theRoomsLineComesBeforeThePostmortemDraft() {
    long id = declare("probe-3");
    incidents.resolve(id, "Rolled back", "U1");
    List<String> kinds = outboxKinds(id);
    int line = kinds.lastIndexOf("MESSAGE");
    assertTrue(line >= 0 && line < kinds.indexOf("DOCUMENT_SUMMARY"), kinds.toString());
  }

  @Test
  void micronautsPublisherTypedForTheInterfaceMissesListenersOfOneType() {
    @SuppressWarnings("unchecked")
    ApplicationEventPublisher<IncidentEvent> typed =
        app.context.getBean(Argument.of(ApplicationEventPublisher.class, IncidentEvent.class));
    long id = 9_999_999L;
    typed.publishEvent(new IncidentEvent.NoteAdded(id, "typed", "U1", Instant.now()));
    assertEquals(List.of("any: typed"), probe.heard(id));
  }

  private static long declare(String key) {
    return incidents
        .declare(new DeclareRequest(key, "Checkout is slow", null, null, false, false, "U1", null))
        .incident()
        .id();
  }

  private static int timelineEntries(long incidentId, String text) {
    return query(
            "SELECT COUNT(*) FROM timeline_entry WHERE incident_id = ? AND text = ?",
            incidentId,
            text)
        .stream()
        .mapToInt(Integer::parseInt)
        .sum();
  }

  private static List<String> outboxKinds(long incidentId) {
    return query("SELECT kind FROM outbox WHERE incident_id = ? ORDER BY id", incidentId);
  }

  private static List<String> query(String sql, Object... args) {
    DataSource db = DelegatingDataSource.unwrapDataSource(app.bean(DataSource.class));
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Listens as a feature would. The listener declared first runs second: {@code @Order}, not the
   * order of declaration, decides.
   */
  @Singleton
  @Requires(property = "spec.name", value = "IncidentEventsTest")
  static class Probe {

    static final String FAIL = "probe: fail";

    private final List<String[]> heard = new CopyOnWriteArrayList<>();
    final List<String> committed = new CopyOnWriteArrayList<>();

    @EventListener
    @Order(EventOrder.AFTER_ROOM + 2)
    void second(IncidentEvent.NoteAdded note) {
      hear(note, "second: " + note.text());
      if (FAIL.equals(note.text())) {
        throw new IllegalStateException("the probe fails on purpose");
      }
    }

    @EventListener
    @Order(EventOrder.AFTER_ROOM + 1)
    void first(IncidentEvent.NoteAdded note) {
      hear(note, "first: " + note.text());
    }

    /** Hears every incident event; records only those the typed publisher sends. */
    @EventListener
    void any(IncidentEvent event) {
      if (event instanceof IncidentEvent.NoteAdded note && note.incidentId() == 9_999_999L) {
        hear(note, "any: " + note.text());
      }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void committed(IncidentEvent.NoteAdded note) {
      committed.add(note.text());
    }

    private void hear(IncidentEvent.NoteAdded note, String what) {
      heard.add(new String[] {Long.toString(note.incidentId()), what});
    }

    List<String> heard(long incidentId) {
      return heard.stream()
          .filter(h -> h[0].equals(Long.toString(incidentId)))
          .map(h -> h[1])
          .toList();
    }
  }
}
