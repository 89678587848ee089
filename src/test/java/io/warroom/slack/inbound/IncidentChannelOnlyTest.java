package io.warroom.slack.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every command that runs only in an incident's channel, typed anywhere else with arguments that
 * would work in one, gets the same refusal saying what to type where, and changes nothing: no row
 * stored, no message, no form, the incident as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentChannelOnlyTest {

  /** What each refusal has told users to type since before the commands declared a spec. */
  private static final Map<String, String> TODAY =
      Map.ofEntries(
          Map.entry("action", "action <text> @owner"),
          Map.entry("actions", "actions"),
          Map.entry("attach", "attach [alert]"),
          Map.entry("confirm", "confirm <Hn> [note]"),
          Map.entry("decision", "decision <text>"),
          Map.entry("handoff", "handoff @user"),
          Map.entry("hypotheses", "hypotheses"),
          Map.entry("hypothesis", "hypothesis <text>"),
          Map.entry("ic", "ic @user"),
          Map.entry("mitigated", "mitigated"),
          Map.entry("note", "note <text>"),
          Map.entry("postmortem", "postmortem"),
          Map.entry("redact", "redact <text>"),
          Map.entry("reopen", "reopen"),
          Map.entry("resolve", "resolve"),
          Map.entry("role", "role comms @user"),
          Map.entry("ruleout", "ruleout <Hn> [note]"),
          Map.entry("sev", "sev 1"),
          Map.entry("share", "share"),
          Map.entry("task", "task @user <text>"),
          Map.entry("tasks", "tasks"),
          Map.entry("timeline", "timeline"),
          Map.entry("update", "update <text>"));

  /** Arguments that would do something in an incident's channel. */
  private static final Map<String, String> ARGS =
      Map.ofEntries(
          Map.entry("action", "Add DB alarms"),
          Map.entry("attach", "1"),
          Map.entry("confirm", "H1 it was the pool"),
          Map.entry("decision", "roll back"),
          Map.entry("hypothesis", "the pool is exhausted"),
          Map.entry("mitigated", "traffic drained"),
          Map.entry("note", "failover started"),
          Map.entry("redact", "hunter2hunter2"),
          Map.entry("resolve", "fixed"),
          Map.entry("ruleout", "H1 not it"),
          Map.entry("sev", "1"),
          Map.entry("update", "all good now"));

  private TestApp app;
  private FakeSlack slack;
  private String alice;
  private String bob;
  private String general;

  @BeforeAll
  void start() {
    app = TestApp.start();
    slack = app.slack;
    alice = slack.user("alice");
    bob = slack.user("bob");
    general = slack.channel("general", false, alice, alice, bob);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void everyIncidentChannelCommandIsRefusedElsewhereAndChangesNothing() {
    slack.app().command(alice, general, "declare sev2 Checkout errors");
    Room room = Room.awaitContaining(slack, "checkout-errors");
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    app.awaitSettled();

    Incident before = app.bean(IncidentService.class).find(id).orElseThrow();
    Map<String, Long> rows = rowCounts();
    int inGeneral = slack.messages(general).size();
    int inRoom = slack.messages(room.id).size();
    int writes = writeCalls();

    List<String> checked = new ArrayList<>();
    for (CommandListener l :
        app.bean(ApplicationContext.class).getBeansOfType(CommandListener.class)) {
      CommandSpec spec = l.spec();
      if (!spec.inIncidentChannel()) {
        continue;
      }
      String args = ARGS.getOrDefault(spec.name(), "<@" + bob + "> something to do");
      String expected =
          ":warning: Run `/incident "
              + TODAY.getOrDefault(spec.name(), spec.example())
              + "` in an incident's channel. `/incident list` shows the open incidents and their"
              + " channels.";
      for (String word : words(spec)) {
        assertEquals(
            expected,
            slack.app().command(alice, general, word + " " + args).text(),
            "/incident " + word + " in #general");
        checked.add(word);
      }
    }
    assertTrue(checked.containsAll(TODAY.keySet()), "checked only " + new TreeSet<>(checked));

    assertEquals(before, app.bean(IncidentService.class).find(id).orElseThrow(), "the incident");
    assertEquals(rows, rowCounts(), "rows stored");
    assertEquals(inGeneral, slack.messages(general).size(), "messages in #general");
    assertEquals(inRoom, slack.messages(room.id).size(), "messages in the war room");
    assertEquals(writes, writeCalls(), "Web API calls that change something");
    assertFalse(slack.modals(alice).stream().anyMatch(m -> m.open()), "a form opened");
  }

  private static List<String> words(CommandSpec spec) {
    List<String> words = new ArrayList<>(List.of(spec.name()));
    words.addAll(spec.aliases());
    return words;
  }

  /** Web API calls other than reads: what would show in Slack. */
  private int writeCalls() {
    return (int)
        slack.calls().stream()
            .map(c -> c.method())
            .filter(m -> !m.endsWith(".info") && !m.endsWith(".list") && !m.endsWith(".history"))
            .count();
  }

  /**
   * Rows per table, but for the ledger of requests already handled: each refused request is still a
   * request handled once.
   */
  private Map<String, Long> rowCounts() {
    DataSource db = DelegatingDataSource.unwrapDataSource(app.bean(DataSource.class));
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                  + " AND table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        if (t.equals("handled_once")) {
          continue;
        }
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
          rs.next();
          counts.put(t, rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    assertFalse(counts.isEmpty(), "no tables found");
    return counts;
  }
}
