package io.warroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.WarroomProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * SPEC section 15's logs: the date on every line, the incident id on lines about an incident, and
 * {@code WARROOM_LOG_FORMAT=json} for one JSON object per line.
 */
class LogFormatTest {

  @Test
  void aTextLineCarriesTheDateAndTheIncident() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var encoder = LoggingConfigurator.encoder(context, null);
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("io.warroom.Test"),
            Level.WARN,
            "War room {}: late",
            null,
            new Object[] {42});
    try (var about = IncidentLog.about(42)) {
      event.setMDCPropertyMap(MDC.getCopyOfContextMap());
    }
    String about = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertTrue(
        about.matches(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z WARN  \\[.*] io\\.warroom\\.Test"
                + " incident=42 - War room 42: late\\R"),
        about);

    LoggingEvent plain =
        new LoggingEvent(
            "x", context.getLogger("io.warroom.Test"), Level.INFO, "Started", null, null);
    String line = new String(encoder.encode(plain), StandardCharsets.UTF_8);
    assertTrue(
        line.matches("\\d{4}-\\d{2}-\\d{2}T\\S+ INFO  \\[.*] io\\.warroom\\.Test - Started\\R"),
        line);
  }

  @Test
  void jsonLogsAreOneObjectPerLineWithTheIncident() throws Exception {
    Path dir = Files.createTempDirectory("warroom-json-logs");
    try (FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET)) {
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      Map<String, String> env =
          WarroomProcess.environment(
              slack,
              dir,
              WarroomProcess.freePort(),
              ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
      env.put("WARROOM_LOG_FORMAT", "json");
      // One failure, so that the war room's delivery has something to say.
      slack.faults().inject("conversations.create", 1, Fault.serverError());
      try (WarroomProcess app = WarroomProcess.start(env, null)) {
        app.awaitHealthy(Duration.ofSeconds(60));
        slack.connect(app.eventsUrl());
        assertEquals(200, slack.app().command(alice, general, "declare sev2 Json logs").status());
        Room.awaitContaining(slack, "json-logs");
        TestApp.await(
            "a line about the war room",
            Duration.ofSeconds(20),
            () -> app.stdout().contains("War room 1"));
        assertTrue(app.stderr().isBlank(), app.stderr());

        ObjectMapper json = new ObjectMapper();
        List<String> lines = app.stdout().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() > 3, app.output());
        JsonNode aboutTheRoom = null;
        for (String line : lines) {
          JsonNode node = json.readTree(line); // every line is one JSON object
          assertTrue(node.isObject(), line);
          assertTrue(node.path("timestamp").asLong() > 1_700_000_000_000L, "dated: " + line);
          assertTrue(node.has("level") && node.has("loggerName"), line);
          if (node.path("formattedMessage").asText().startsWith("War room 1")) {
            aboutTheRoom = node;
          }
        }
        assertTrue(aboutTheRoom != null, app.output());
        assertEquals(
            "1", aboutTheRoom.path("mdc").path("incident").asText(), aboutTheRoom.toString());
        assertTrue(
            !app.stdout().contains(TestApp.SIGNING_SECRET)
                && !app.stdout().contains(TestApp.BOT_TOKEN));
      }
    }
  }
}
