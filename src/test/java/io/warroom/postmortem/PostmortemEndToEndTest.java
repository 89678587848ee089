package io.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.ApiCall;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.room.WarRooms;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A realistic incident, driven entirely through signed requests, resolved: the draft posted to the
 * war room and served by the REST API has every section, the finding and the action item, figures
 * computed from the recorded times, and no trace of a deleted message.
 */
class PostmortemEndToEndTest {

  @Test
  void resolvingARealIncidentPostsACompleteBlamelessDraft() throws Exception {
    try (TestApp app =
        TestApp.start(Map.of("warroom.api-token", "pm-token", "warroom.postmortem-due", "48h"))) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String bob = slack.user("bob");
      String dave = slack.user("dave");
      String general = slack.channel("general", false, alice, alice, bob, dave);

      slack.app().command(alice, general, "declare sev1 Payments API returning 500s");
      Room room = Room.awaitContaining(slack, "payments-api-returning-500s");
      long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
      slack.join(bob, room.id);
      slack.join(dave, room.id);
      slack.app().command(alice, room.id, "ic @bob");
      slack.post(bob, room.id, "Checkout errors started at 03:02, right after deploy 4521", null);
      String thread = room.thread().orElseThrow().ts();
      slack.post(dave, room.id, "Hypothesis: the new connection pool size is too small", thread);
      String finding =
          slack.post(
              dave, room.id, "Confirmed: pool maxed at 10 connections, requests time out", thread);
      slack.react(bob, room.id, finding, "pushpin", true);
      String secret = slack.post(dave, room.id, "db password is hunter2-prod", null);
      slack.awaitEvents(Duration.ofSeconds(5));
      slack.delete(room.id, secret);
      slack
          .app()
          .command(
              bob, room.id, "update EU customers cannot pay by card; investigating the DB pool");
      slack
          .app()
          .command(bob, room.id, "update Card payments recovering after rollback of deploy 4521");
      slack.app().command(bob, room.id, "mitigated Rolled back deploy 4521");
      slack.app().command(bob, room.id, "action Alert when the DB pool is above 80% @dave");
      slack.awaitEvents(Duration.ofSeconds(5));
      slack.app().command(bob, room.id, "resolve Pool size restored");

      TestApp.await(
          "postmortem file in the war room", Duration.ofSeconds(15), () -> !files(room).isEmpty());
      Posted share = files(room).get(0);
      String fileId = share.files().get(0);
      String draft = slack.fileContent(fileId).orElseThrow();
      TestApp.await(
          "summary with figures",
          () ->
              !room.botPostsContaining(
                      "*Postmortem draft* for *SEV1 · Payments API returning 500s*")
                  .isEmpty());
      assertTrue(
          slack
              .fileTitle(fileId)
              .orElseThrow()
              .startsWith("Postmortem draft: Payments API returning 500s"));
      assertTrue(slack.calls("files.upload").isEmpty(), "the retired files.upload is never used");

      String[] sections = {
        "# Postmortem: Payments API returning 500s",
        "## Summary",
        "## Severity",
        "## Impact",
        "## Timing",
        "## People",
        "## Timeline (UTC)",
        "## Findings from the exploration thread",
        "## Contributing factors",
        "## What went well",
        "## What did not go well",
        "## Action items",
        "## Review"
      };
      int at = -1;
      for (String section : sections) {
        int next = draft.indexOf(section);
        assertTrue(next > at, section + " present and in order:\n" + draft);
        at = next;
      }
      assertTrue(draft.contains("Confirmed: pool maxed at 10 connections"), "the pinned finding");
      assertTrue(draft.contains("📌 @dave: Confirmed: pool maxed at 10 connections"), draft);
      assertTrue(
          draft.contains("| 1 | Alert when the DB pool is above 80% | @dave | Open |"), draft);
      assertTrue(
          draft.contains("EU customers cannot pay by card"), "impact from the status updates");
      assertTrue(draft.contains("Incident Commander: @bob"), draft);
      assertFalse(draft.contains("hunter2"), "deleted messages never appear");
      assertFalse(draft.contains("<@"), "mentions are readable names");

      Incident incident = app.bean(IncidentService.class).find(id).orElseThrow();
      String ttm =
          PostmortemDraft.human(Duration.between(incident.declaredAt(), incident.mitigatedAt()));
      String ttr =
          PostmortemDraft.human(Duration.between(incident.declaredAt(), incident.resolvedAt()));
      assertTrue(
          draft.contains("| Declared | " + PostmortemDraft.utc(incident.declaredAt()) + " | — |"),
          draft);
      assertTrue(
          draft.contains(
              "| Mitigated | "
                  + PostmortemDraft.utc(incident.mitigatedAt())
                  + " | "
                  + ttm
                  + " (time to mitigate) |"),
          draft);
      assertTrue(
          draft.contains(
              "| Resolved | "
                  + PostmortemDraft.utc(incident.resolvedAt())
                  + " | "
                  + ttr
                  + " (time to resolve) |"),
          draft);
      assertTrue(
          draft.contains(
              "due **"
                  + PostmortemDraft.utc(incident.resolvedAt().plus(Duration.ofHours(48)))
                  + " UTC**"),
          draft);
      assertTrue(
          draft.contains("([message](https://"), "timeline lines link to their Slack message");

      HttpResponse<String> rest =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(app.url("/api/incidents/" + id + "/postmortem"))
                      .header("Authorization", "Bearer pm-token")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, rest.statusCode());
      assertTrue(rest.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
      assertTrue(
          rest.body().contains("## Findings from the exploration thread")
              && rest.body().contains("Confirmed: pool maxed"));
      assertFalse(rest.body().contains("hunter2"));

      slack.app().command(alice, room.id, "postmortem");
      TestApp.await("posted again", () -> files(room).size() == 2);
    }
  }

  /**
   * A large incident: the draft needs the names of many people Warroom has not met, and Slack takes
   * half a second for each. They are asked for several at a time (at most {@link
   * UserNames#AT_ONCE}), so the draft does not wait for them one after another.
   */
  @Test
  void theNamesOfManyPeopleAreAskedForSeveralAtATime() throws Exception {
    try (TestApp app = TestApp.start()) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Search results empty");
      Room room = Room.awaitContaining(slack, "search-results-empty");
      List<String> responders = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        String responder = slack.user("responder" + i);
        responders.add(responder);
        slack.join(responder, room.id);
        slack.post(responder, room.id, "Responder " + i + " checking shard " + i, null);
      }
      slack.awaitEvents(Duration.ofSeconds(5));
      slack.faults().always("users.info", Fault.slow(Duration.ofMillis(500)));
      int before = slack.calls("users.info").size();

      slack.app().command(alice, room.id, "resolve Index rebuilt");

      TestApp.await(
          "postmortem file in the war room", Duration.ofSeconds(20), () -> !files(room).isEmpty());
      String draft = slack.fileContent(files(room).get(0).files().get(0)).orElseThrow();
      for (int i = 1; i <= 12; i++) {
        assertTrue(draft.contains("@responder" + i), "responder" + i + " by name:\n" + draft);
      }
      List<Long> asked =
          slack.calls("users.info").stream().skip(before).map(ApiCall::atMillis).sorted().toList();
      assertTrue(asked.size() >= responders.size(), "asked for each: " + asked.size());
      long span = asked.get(asked.size() - 1) - asked.get(0);
      // One after another, 12 names take at least 11 x 500 ms to ask for.
      assertTrue(span < 2500, "asked for over " + span + " ms");
      for (long at : asked) {
        long together = asked.stream().filter(t -> t >= at && t < at + 400).count();
        assertTrue(together <= UserNames.AT_ONCE, together + " asked for at once");
      }
    }
  }

  /**
   * A Slack that is slow to give names holds the draft up only so long: after the patience the
   * draft goes out with the ids of those it has no name for yet.
   */
  @Test
  void aDraftWaitsForNamesOnlySoLong() throws Exception {
    try (TestApp app = TestApp.start(Map.of("warroom.postmortem.name-patience", "1s"))) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Thumbnails missing");
      Room room = Room.awaitContaining(slack, "thumbnails-missing");
      String bob = slack.user("bob");
      slack.join(bob, room.id);
      slack.post(bob, room.id, "CDN purge is stuck", null);
      slack.awaitEvents(Duration.ofSeconds(5));
      // Each name takes longer than the patience, though less than a Web API call may take.
      slack.faults().always("users.info", Fault.slow(Duration.ofMillis(1500)));

      slack.app().command(alice, room.id, "resolve Purge restarted");

      TestApp.await(
          "postmortem file in the war room", Duration.ofSeconds(20), () -> !files(room).isEmpty());
      String draft = slack.fileContent(files(room).get(0).files().get(0)).orElseThrow();
      assertTrue(draft.contains("@" + bob), "bob by id:\n" + draft);
      assertFalse(draft.contains("@bob"), "no name came within the patience:\n" + draft);
    }
  }

  private static List<Posted> files(Room room) {
    return room.botMessages().stream().filter(m -> !m.files().isEmpty()).toList();
  }
}
