package io.warroom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox page's HTTP side, in-process: what it shows each person, how it starts, and how it
 * answers bad input (clearly, changing nothing).
 */
class SandboxPageTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static Sandbox sandbox;
  static ApplicationContext context;
  static EmbeddedServer server;
  static String alex;
  static String sam;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    Map<String, Object> props = new HashMap<>(sandbox.settings(Map.of()));
    props.put("micronaut.server.port", -1);
    props.put(
        "datasources.default.url",
        "jdbc:h2:mem:sandbox-page-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    context = ApplicationContext.builder().properties(props).singletons(sandbox).start();
    server = context.getBean(EmbeddedServer.class).start();
    alex = sandbox.people().get(0);
    sam = sandbox.people().get(1);
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void startsWhenThereIsNoTokenOrWhenAskedTo() {
    assertTrue(Sandbox.wanted(Map.of()));
    assertFalse(Sandbox.wanted(Map.of("SLACK_BOT_TOKEN", "  ")), "an empty token is an error");
    assertTrue(Sandbox.wanted(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "WARROOM_SANDBOX", "TRUE")));
    assertFalse(Sandbox.wanted(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));
    assertFalse(Sandbox.wanted(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "WARROOM_SANDBOX", "false")));

    Map<String, Object> own = sandbox.settings(Map.of());
    assertEquals(Sandbox.DATABASE_URL, own.get("datasources.default.url"));
    assertEquals("", own.get("slack.app-token"), "never Socket Mode to a real workspace");
    assertEquals(sandbox.incidentsChannel(), own.get("warroom.announce-channel"));
    Map<String, Object> named =
        sandbox.settings(Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/warroom"));
    assertFalse(named.containsKey("datasources.default.url"), "a named database is kept");
  }

  @Test
  void showsTheWorkspaceAsOnePersonSeesIt() throws Exception {
    JsonNode state = state(alex, null);
    assertEquals(alex, state.path("me").asText());
    assertEquals(4, state.path("people").size());
    assertEquals(
        List.of("general", "incidents"),
        state.path("channels").findValuesAsText("name").subList(0, 2));
    assertEquals("incidents", state.path("channel").path("name").asText());
    assertTrue(state.path("channel").path("member").asBoolean());

    String secret = sandbox.slack().channel("secret-room", true, sam, sam);
    assertFalse(
        state(alex, secret).path("channels").findValuesAsText("name").contains("secret-room"),
        "private channels only for members");
    assertEquals("incidents", state(alex, secret).path("channel").path("name").asText());
    assertEquals("secret-room", state(sam, secret).path("channel").path("name").asText());
  }

  @Test
  void typedTextIsPostedAsTheMessageSlackWouldStore() throws Exception {
    String general = sandbox.generalChannel();
    assertEquals(
        200,
        post("type", Map.of("as", alex, "channel", general, "text", "@sam look <here> & now"))
            .statusCode());
    List<SlackSimulator.Posted> posted = sandbox.slack().messages(general);
    assertEquals(
        "<@" + sam + "|sam> look &lt;here&gt; &amp; now", posted.get(posted.size() - 1).text());
  }

  @Test
  void badInputGetsAClearAnswerAndChangesNothing() throws Exception {
    String general = sandbox.generalChannel();
    int before = sandbox.slack().messages(general).size();

    assertRefused(
        post("type", Map.of("as", "UNOBODY", "channel", general, "text", "hi")),
        "Pick one of the demo people first.");
    assertRefused(
        post("type", Map.of("as", sandbox.slack().botUserId(), "channel", general, "text", "hi")),
        "Pick one of the demo people first.");
    assertRefused(
        post("type", Map.of("as", alex, "channel", "CNOPE", "text", "hi")), "No such channel.");
    assertRefused(
        post("type", Map.of("as", alex, "channel", general, "text", "x".repeat(40_001))),
        "That is longer than Slack allows (40,000 characters).");
    assertRefused(
        post("type", Map.of("as", alex, "channel", general, "text", "   ")),
        "Type a message, or /incident help.");
    assertRefused(
        post("react", Map.of("as", alex, "channel", general, "ts", "1.000001", "name", "pushpin")),
        "That message is gone.");
    assertRefused(
        post("submit", Map.of("as", alex, "view", "VNOPE", "values", Map.of())),
        "That form is no longer open.");
    HttpResponse<String> garbage =
        HTTP.send(
            HttpRequest.newBuilder(uri("/sandbox/api/type"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1,2"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertRefused(garbage, "Expected a JSON object.");

    String samSaid = sandbox.slack().post(sam, general, "mine, not yours", null);
    assertRefused(
        post("edit", Map.of("as", alex, "channel", general, "ts", samSaid, "text", "hijacked")),
        "You can only edit or delete your own messages.");
    assertRefused(
        post("delete", Map.of("as", alex, "channel", general, "ts", samSaid)),
        "You can only edit or delete your own messages.");
    assertRefused(
        post("edit", Map.of("as", sam, "channel", general, "ts", samSaid, "text", " ")),
        "A message cannot be empty; delete it instead.");
    assertEquals("mine, not yours", sandbox.slack().message(general, samSaid).orElseThrow().text());
    before++;

    String quiet = sandbox.slack().channel("quiet", false, sam, sam);
    assertRefused(
        post("type", Map.of("as", alex, "channel", quiet, "text", "hello")),
        "Join #quiet to post in it.");

    assertEquals(before, sandbox.slack().messages(general).size());
    assertTrue(sandbox.slack().messages(quiet).isEmpty());
  }

  @Test
  void otherSlashCommandsAreNotInstalled() throws Exception {
    String general = sandbox.generalChannel();
    int calls = sandbox.slack().calls().size();
    post("type", Map.of("as", sam, "channel", general, "text", "/deploy now"));
    assertTrue(
        FakeSlack.ephemerals(sandbox.slack(), sam).stream()
            .anyMatch(w -> w.text().startsWith("/deploy is not a valid command")));
    assertEquals(calls, sandbox.slack().calls().size(), "Warroom was not asked");
  }

  @Test
  void servesThePageAndUploadedFiles() throws Exception {
    HttpResponse<String> page = get("/sandbox");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("/sandbox/assets/sandbox.js"));
    assertEquals(200, get("/sandbox/assets/sandbox.js").statusCode());
    assertEquals(200, get("/sandbox/assets/sandbox.css").statusCode());
    assertEquals(404, get("/sandbox/assets/..%2Fapplication.yml").statusCode());
    assertEquals(404, get("/sandbox/files/FNOPE").statusCode());
  }

  // ---- helpers ----

  private static void assertRefused(HttpResponse<String> response, String message)
      throws Exception {
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(message, JSON.readTree(response.body()).path("error").asText());
  }

  private static JsonNode state(String as, String channel) throws Exception {
    String query = "?as=" + as + (channel == null ? "" : "&channel=" + channel);
    return JSON.readTree(get("/sandbox/api/state" + query).body());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSampleAlertGoesThroughTheAlertmanagerEndpointToACardInAlerts() throws Exception {
    String alerts = sandbox.alertsChannel();
    HttpResponse<String> fired =
        post("alert", Map.of("as", alex, "severity", "warning", "state", "firing"));
    assertEquals(200, fired.statusCode(), fired.body());
    assertTrue(JSON.readTree(fired.body()).path("ok").asBoolean(), fired.body());
    io.warroom.support.TestApp.await(
        "the sample alert's card",
        java.time.Duration.ofSeconds(20),
        () ->
            sandbox.slack().messages(alerts).stream()
                .anyMatch(m -> m.byBot() && m.allText().contains("Checkout p99 latency")));
    HttpResponse<String> resolved =
        post("alert", Map.of("as", alex, "severity", "warning", "state", "resolved"));
    assertEquals(200, resolved.statusCode(), resolved.body());
    io.warroom.support.TestApp.await(
        "the card resolved",
        java.time.Duration.ofSeconds(20),
        () ->
            sandbox.slack().messages(alerts).stream()
                .anyMatch(m -> m.allText().contains("RESOLVED: Checkout p99 latency")));
    assertEquals(
        1,
        sandbox.slack().messages(alerts).stream()
            .filter(m -> m.allText().contains("Checkout p99 latency"))
            .count());
  }

  private static HttpResponse<String> post(String action, Map<String, Object> body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri("/sandbox/api/" + action))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }
}
