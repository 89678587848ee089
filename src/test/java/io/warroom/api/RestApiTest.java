package io.warroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The REST API of SPEC section 8, behind its bearer token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiTest {

  private static final String TOKEN = "api-token-9c1f0e2d7a";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;
  private long incident;
  private Room room;
  private String alice;

  @BeforeAll
  void start() {
    app = TestApp.start(Map.of("warroom.api-token", TOKEN));
    alice = app.slack.user("alice");
    String general = app.slack.channel("general", false, alice, alice);
    app.slack.app().command(alice, general, "declare sev1 Api visible incident");
    room = Room.awaitContaining(app.slack, "api-visible-incident");
    incident = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    for (int i = 1; i <= 25; i++) {
      app.slack.post(alice, room.id, "message " + i + ", with a comma", null);
    }
    String secret = app.slack.post(alice, room.id, "token=xoxb-leaked", null);
    app.slack.awaitEvents(Duration.ofSeconds(10));
    app.slack.delete(room.id, secret);
    app.slack.awaitEvents(Duration.ofSeconds(10));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private HttpResponse<String> get(String path, String token, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.url(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path, TOKEN, "application/json");
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void everyCallNeedsTheToken() throws Exception {
    for (String path :
        new String[] {
          "/api/incidents", "/api/incidents/" + incident, "/api/incidents/" + incident + "/timeline"
        }) {
      assertEquals(401, get(path, null, null).statusCode(), path);
      assertEquals(401, get(path, "wrong-token", null).statusCode(), path);
      assertEquals(401, get(path, TOKEN + "x", null).statusCode(), path);
    }
    try (TestApp noToken = TestApp.start()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(noToken.url("/api/incidents"))
                  .header("Authorization", "Bearer ")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(401, r.statusCode());
      assertTrue(r.body().contains("WARROOM_API_TOKEN"), r.body());
    }
  }

  @Test
  void listsIncidentsNewestFirstWithTheirChannel() throws Exception {
    JsonNode all = json("/api/incidents");
    JsonNode open = json("/api/incidents?status=open");
    assertTrue(all.size() >= 1);
    JsonNode first = open.get(0);
    assertEquals(incident, first.get("id").asLong());
    assertEquals(room.id, first.get("channelId").asText());
    assertEquals(room.name, first.get("channelName").asText());
    assertEquals("SEV1", first.get("severity").asText());
    assertEquals("investigating", first.get("status").asText());
    assertEquals(alice, first.get("declaredBy").asText());
    Instant.parse(first.get("declaredAt").asText());
    assertTrue(first.get("declaredAt").asText().endsWith("Z"), "ISO-8601 UTC");
    assertEquals(0, json("/api/incidents?status=resolved").size());
    assertEquals(400, get("/api/incidents?status=maybe", TOKEN, null).statusCode());
  }

  @Test
  void showsOneIncidentOr404() throws Exception {
    JsonNode one = json("/api/incidents/" + incident);
    assertEquals("Api visible incident", one.get("title").asText());
    assertTrue(one.get("roles").has("commander"));
    HttpResponse<String> missing = get("/api/incidents/99999", TOKEN, null);
    assertEquals(404, missing.statusCode());
  }

  @Test
  void pagesThroughTheTimelineInOrder() throws Exception {
    JsonNode page1 = json("/api/incidents/" + incident + "/timeline?limit=10");
    assertEquals(10, page1.get("entries").size());
    assertTrue(page1.get("total").asLong() >= 27);
    assertEquals("declared", page1.get("entries").get(0).get("kind").asText());
    long next = page1.get("next").asLong();
    JsonNode page2 = json("/api/incidents/" + incident + "/timeline?limit=10&after=" + next);
    assertTrue(page2.get("entries").get(0).get("id").asLong() > next);
    Instant previous = Instant.MIN;
    long count = 0;
    Long after = 0L;
    while (after != null) {
      JsonNode page = json("/api/incidents/" + incident + "/timeline?limit=7&after=" + after);
      for (JsonNode e : page.get("entries")) {
        Instant at = Instant.parse(e.get("at").asText());
        assertFalse(at.isBefore(previous), "in order");
        previous = at;
        count++;
      }
      after = page.get("next").isNull() ? null : page.get("next").asLong();
    }
    assertEquals(page1.get("total").asLong(), count);
    assertEquals(
        400, get("/api/incidents/" + incident + "/timeline?limit=0", TOKEN, null).statusCode());
  }

  @Test
  void aDeletedMessagesTextIsGoneFromTheApi() throws Exception {
    HttpResponse<String> r =
        get("/api/incidents/" + incident + "/timeline?limit=1000", TOKEN, null);
    assertFalse(r.body().contains("xoxb-leaked"), "deleted text never comes back");
    assertTrue(r.body().contains("\"deleted\":true"));
    HttpResponse<String> csv = get("/api/incidents/" + incident + "/timeline", TOKEN, "text/csv");
    assertFalse(csv.body().contains("xoxb-leaked"));
  }

  @Test
  void answersCsvWhenAskedWithPagingInALinkHeader() throws Exception {
    HttpResponse<String> csv = get("/api/incidents/" + incident + "/timeline", TOKEN, "text/csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\n");
    assertEquals(
        "id,at,kind,actor,text,channelId,ts,threadTs,exploration,keyEvent,edited,editedAt,deleted,deletedAt,data",
        lines[0]);
    assertTrue(csv.body().contains("\"message 7, with a comma\""), "quoted per RFC 4180");
    HttpResponse<String> paged =
        get("/api/incidents/" + incident + "/timeline?limit=5", TOKEN, "text/csv");
    assertEquals(6, paged.body().split("\n").length);
    assertTrue(paged.headers().firstValue("Link").orElse("").contains("rel=\"next\""));
  }
}
