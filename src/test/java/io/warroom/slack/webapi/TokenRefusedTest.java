package io.warroom.slack.webapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.ApiCall;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slack refuses the bot token for a while, as it does while an admin reinstalls the app or grants a
 * missing scope. What users typed meanwhile was acknowledged; it must reach the war room once the
 * token works again, once and in order, and nothing else may be tried meanwhile but the re-check.
 */
class TokenRefusedTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The re-check every 30 s in production, every 500 ms here: the refusal lasts 8 s, not 20. */
  private static final Map<String, Object> RECHECK = Map.of("slack.auth-recheck", "500ms");

  @Test
  void whatIsTypedWhileTheTokenIsRefusedIsPostedOnceItWorksAgain() {
    try (TestApp app = TestApp.start(RECHECK)) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Token refused");
      Room room = Room.awaitContaining(slack, "token-refused");

      slack.faults().always("*", Fault.error("invalid_auth"));
      long refused = System.currentTimeMillis();
      assertEquals(
          200, slack.app().command(alice, room.id, "update Failing over to the standby").status());
      TestApp.await("/health to report the refusal", () -> health(app).contains("TOKEN_REFUSED"));
      assertTrue(health(app).contains("invalid_auth"), health(app));
      assertEquals(200, slack.app().command(alice, room.id, "note Standby is warming up").status());

      // Delivery is paused for every room: only the re-check asks Slack anything, every 500 ms.
      TestApp.await(
          "the re-check refused a few times",
          () -> callsSince(slack, refused, "auth.test").size() >= 4);
      long paused = System.currentTimeMillis();
      TestApp.await(
          "8 s of refusal",
          Duration.ofSeconds(15),
          () -> System.currentTimeMillis() - refused > 8_000);
      List<ApiCall> others =
          slack.calls().stream()
              .filter(c -> c.atMillis() >= paused && !c.method().equals("auth.test"))
              .toList();
      assertEquals(List.of(), others, "nothing but auth.test while the token is refused");

      slack.faults().clear();
      String update = "Failing over to the standby";
      String note = "Standby is warming up";
      TestApp.await(
          "both in the war room",
          Duration.ofSeconds(15),
          () ->
              !room.botPostsContaining(update).isEmpty()
                  && !room.botPostsContaining(note).isEmpty());
      TestApp.await("/health back to UP", () -> health(app).contains("\"status\":\"UP\""));
      List<Posted> updates = room.botPostsContaining(update);
      List<Posted> notes = room.botPostsContaining(note);
      assertEquals(1, updates.size(), "the update once");
      assertEquals(1, notes.size(), "the note once");
      assertTrue(
          updates.get(0).ts().compareTo(notes.get(0).ts()) < 0, "the update first, as typed");
    }
  }

  @Test
  void aMissingScopeIsReportedWithTheScopeSlackSaysIsNeeded() {
    try (TestApp app = TestApp.start(RECHECK)) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.faults().always("*", Fault.error("missing_scope:channels:manage"));
      assertEquals(200, slack.app().command(alice, general, "declare sev2 Scope missing").status());
      TestApp.await("/health to report the refusal", () -> health(app).contains("TOKEN_REFUSED"));
      assertTrue(health(app).contains("missing_scope (needs channels:manage)"), health(app));

      slack.faults().clear();
      Room room = Room.awaitContaining(slack, "scope-missing");
      assertTrue(room.members().contains(alice));
    }
  }

  private static List<ApiCall> callsSince(FakeSlack slack, long since, String method) {
    return slack.calls(method).stream().filter(c -> c.atMillis() >= since).toList();
  }

  private static String health(TestApp app) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(app.url("/health")).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
