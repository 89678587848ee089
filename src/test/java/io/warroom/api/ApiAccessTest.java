package io.warroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC section 16: every {@code /api/**} call needs the token, the postmortem included, however the
 * path is spelled; the incident list pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessTest {

  private static final String TOKEN = "api-token-access-3b9";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;
  private long incident;

  @BeforeAll
  void start() {
    app = TestApp.start(Map.of("warroom.api-token", TOKEN));
    String alice = app.slack.user("alice");
    String general = app.slack.channel("general", false, alice, alice);
    for (int i = 1; i <= 5; i++) {
      app.slack.app().command(alice, general, "declare sev3 Paged incident " + i);
    }
    Room room = Room.awaitContaining(app.slack, "paged-incident-5");
    incident = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
  }

  @AfterAll
  void stop() {
    app.close();
  }

  /** Sends the path exactly as written: no client normalises it first. */
  private int rawStatus(String path, String token) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", app.server.getPort())) {
      OutputStream out = socket.getOutputStream();
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
              + "\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void everyApiPathNeedsTheTokenHoweverItIsSpelled() throws Exception {
    List<String> paths =
        List.of(
            "/api/incidents",
            "/api/incidents/" + incident,
            "/api/incidents/" + incident + "/timeline",
            "/api/incidents/" + incident + "/postmortem",
            "//api/incidents",
            "//api//incidents/" + incident + "/postmortem",
            "/api/../api/incidents",
            "/./api/incidents",
            "/%61pi/incidents",
            "/api/%2e%2e/api/incidents",
            "/api/incidents/",
            "/api/incidents/" + incident + "/postmortem/",
            "/API/incidents");
    List<String> leaked = new ArrayList<>();
    for (String path : paths) {
      int status = rawStatus(path, null);
      if (status != 401 && status != 400 && status != 404) {
        leaked.add(path + " -> " + status);
      }
      int wrong = rawStatus(path, "wrong-token");
      if (wrong != 401 && wrong != 400 && wrong != 404) {
        leaked.add(path + " (wrong token) -> " + wrong);
      }
    }
    assertTrue(leaked.isEmpty(), "answered without the token: " + leaked);
    assertEquals(401, rawStatus("/api/incidents/" + incident + "/postmortem", null));
    assertEquals(200, rawStatus("/api/incidents/" + incident + "/postmortem", TOKEN));
    assertNotEquals(401, rawStatus("/health", null), "the rest of the app is not the API");
  }

  @Test
  void theIncidentListPages() throws Exception {
    List<Long> seen = new ArrayList<>();
    String next = "/api/incidents?limit=2";
    int pages = 0;
    while (next != null) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(app.url(next))
                  .header("Authorization", "Bearer " + TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonNode page = JSON.readTree(r.body());
      assertTrue(page.size() <= 2);
      page.forEach(i -> seen.add(i.get("id").asLong()));
      next =
          r.headers()
              .firstValue("Link")
              .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
              .orElse(null);
      pages++;
    }
    assertEquals(5, seen.size(), seen.toString());
    assertEquals(3, pages);
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i) < seen.get(i - 1), "newest first: " + seen);
    }
    assertFalse(seen.stream().distinct().count() < seen.size(), "no repeats");
  }

  /** The CSV export is written as it is read (chunked), not built as one string first. */
  @Test
  void theCsvExportStreams() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(app.url("/api/incidents/" + incident + "/timeline"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "text/csv")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().startsWith("id,at,kind,"), r.body());
    assertTrue(r.body().contains("declared"), r.body());
    assertTrue(r.headers().firstValue("Content-Length").isEmpty(), r.headers().map().toString());
    assertEquals("chunked", r.headers().firstValue("Transfer-Encoding").orElse(""));
  }
}
