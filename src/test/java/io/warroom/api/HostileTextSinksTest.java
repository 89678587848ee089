package io.warroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What people paste, through the real sinks: the postmortem Markdown shows it as text (no live
 * HTML, no javascript: link), and the CSV export never hands a spreadsheet a formula.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTextSinksTest {

  private static final String TOKEN = "api-token-hostile-1";
  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;
  private long incident;

  @BeforeAll
  void start() {
    app = TestApp.start(Map.of("warroom.api-token", TOKEN));
    String alice = app.slack.user("alice");
    String general = app.slack.channel("general", false, alice, alice);
    app.slack.app().command(alice, general, "declare sev2 Hostile paste");
    Room room = Room.awaitContaining(app.slack, "hostile-paste");
    incident = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    // Messages as Slack delivers them: what was typed, with &, < and > escaped.
    String pinned = app.slack.post(alice, room.id, "&lt;img src=x onerror=alert(1)&gt;", null);
    app.slack.post(
        alice, room.id, "see [x](javascript:alert(1)) &lt;script&gt;alert(2)&lt;/script&gt;", null);
    app.slack.post(alice, room.id, "=HYPERLINK(\"http://evil\",\"x\")", null);
    app.slack.post(alice, room.id, "@SUM(1+1)*cmd|' /C calc'!A0", null);
    app.slack.react(alice, room.id, pinned, "pushpin", true);
    app.slack.awaitEvents(Duration.ofSeconds(10));
    app.slack.app().command(alice, room.id, "note <img src=y onerror=alert(3)>");
    app.slack.app().command(alice, room.id, "action =cmd|' /C calc'!A0");
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private String get(String path, String accept) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(app.url(path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", accept)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void thePostmortemMarkdownHasNoLiveHtmlOrScriptLinks() throws Exception {
    TestApp.await(
        "the note in the draft",
        () -> {
          try {
            return get("/api/incidents/" + incident + "/postmortem", "text/markdown")
                .contains("onerror=alert(3)");
          } catch (Exception e) {
            return false;
          }
        });
    String md = get("/api/incidents/" + incident + "/postmortem", "text/markdown");
    assertFalse(md.contains("<img"), md);
    assertFalse(md.contains("<script"), md);
    assertFalse(md.contains("](javascript:"), md);
    assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt;"), "shown as text: " + md);
  }

  @Test
  void csvCellsNeverStartAFormula() throws Exception {
    String csv = get("/api/incidents/" + incident + "/timeline", "text/csv");
    assertTrue(csv.contains("HYPERLINK"), csv);
    for (String line : csv.split("\n")) {
      for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
        String value = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertFalse(
            !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0,
            "a cell starts a formula: " + cell);
      }
    }
  }
}
