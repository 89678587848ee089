package io.warroom.slack.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Incident Commander and the other roles: commands, the card's button, and bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesTest {

  private TestApp app;
  private FakeSlack slack;
  private String alice;
  private String bob;
  private String carol;
  private String general;

  @BeforeAll
  void start() {
    app = TestApp.start();
    slack = app.slack;
    alice = slack.user("alice");
    bob = slack.user("bob");
    carol = slack.user("carol");
    general = slack.channel("general", false, alice, alice, bob, carol);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Room declare(String title) {
    slack.app().command(alice, general, "declare sev2 " + title);
    return Room.awaitContaining(slack, title.toLowerCase().replace(' ', '-'));
  }

  @Test
  void icCommandUpdatesCardTopicInvitesAndRecordsTheDecisionInTheChannel() {
    Room room = declare("Queue backlog growing");
    AppLink.Reply reply = slack.app().command(alice, room.id, "ic @bob");
    assertTrue(reply.text().contains("<@" + bob + "> is the Incident Commander"), reply.text());
    TestApp.await("topic shows IC", () -> room.topic().contains("IC: <@" + bob + ">"));
    TestApp.await(
        "card shows IC",
        () -> room.card().allText().contains("*Incident Commander*\\n<@" + bob + ">"));
    TestApp.await("bob invited", () -> room.members().contains(bob));
    TestApp.await(
        "decision posted",
        () ->
            !room.botPostsContaining(
                    "<@" + bob + "> is now the Incident Commander, assigned by <@" + alice + ">")
                .isEmpty());
  }

  @Test
  void icMeMakesTheCallerCommander() {
    Room room = declare("Disk full on build agents");
    slack.join(carol, room.id);
    slack.app().command(carol, room.id, "ic me");
    TestApp.await("topic shows carol", () -> room.topic().contains("IC: <@" + carol + ">"));
  }

  @Test
  void takeCommandButtonMakesTheClickerCommander() {
    Room room = declare("Webhooks delayed");
    slack.join(bob, room.id);
    String cardTs = room.card().ts();
    AppLink.Reply reply = slack.app().click(bob, room.id, cardTs, "warroom_take_command", null);
    assertEquals(200, reply.status());
    TestApp.await(
        "card shows bob",
        () -> room.card().allText().contains("*Incident Commander*\\n<@" + bob + ">"));
    TestApp.await("topic shows bob", () -> room.topic().contains("IC: <@" + bob + ">"));
    assertEquals(cardTs, room.card().ts(), "the card is updated in place, not reposted");
    assertTrue(room.card().edited());
  }

  @Test
  void roleCommandAssignsCommsScribeAndOps() {
    Room room = declare("Mobile push failing");
    slack.app().command(alice, room.id, "role comms @bob");
    slack.app().command(alice, room.id, "role scribe @carol");
    slack.app().command(alice, room.id, "role ops me");
    TestApp.await(
        "card shows the roles",
        () -> {
          String card = room.card().allText();
          return card.contains("*Communications lead*\\n<@" + bob + ">")
              && card.contains("*Scribe*\\n<@" + carol + ">")
              && card.contains("*Operations lead*\\n<@" + alice + ">");
        });
    TestApp.await("invited", () -> room.members().containsAll(java.util.Set.of(bob, carol)));
  }

  @Test
  void badRoleInputSaysWhatToTypeAndChangesNothing() {
    Room room = declare("CDN errors in Asia");
    app.awaitSettled(); // what the earlier tests set in motion is done
    int calls = channelCalls().size();
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "role chef @bob")
            .body()
            .contains("`chef` is not a role. Try `/incident role comms @alice`"));
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "role comms")
            .body()
            .contains("Say who: `/incident role comms @alice`"));
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "ic")
            .body()
            .contains("Say who: `/incident ic @alice` or `/incident ic me`"));
    assertTrue(
        slack
            .app()
            .command(alice, room.id, "ic @nobody")
            .body()
            .contains("I could not find a Slack user in `@nobody`"));
    nothingMoreThan(calls);
    assertTrue(room.topic().contains("IC: none yet"));
  }

  /**
   * Web API calls that post or change something in a channel. App Home refreshes ({@code
   * views.publish}) that earlier declarations set in motion may still be going out, paced.
   */
  private List<String> channelCalls() {
    return slack.calls().stream()
        .filter(c -> !c.method().equals("views.publish"))
        .map(c -> c.method() + " " + c.params())
        .toList();
  }

  /** No channel call beyond the first {@code calls} for a while; the extra ones named if any. */
  private void nothingMoreThan(int calls) {
    try {
      TestApp.holds(
          "nothing was posted or changed",
          Duration.ofMillis(300),
          () -> channelCalls().size() == calls);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + ": " + channelCalls().stream().skip(calls).toList(), e);
    }
  }

  @Test
  void incidentCommandsOutsideAWarRoomAreRefusedAndChangeNothing() {
    app.awaitSettled(); // what the earlier tests set in motion is done
    int calls = channelCalls().size();
    for (String command : new String[] {"ic @bob", "ic me", "role comms @bob"}) {
      AppLink.Reply reply = slack.app().command(alice, general, command);
      assertEquals(200, reply.status());
      assertTrue(reply.text().contains("in an incident's channel"), reply.text());
    }
    nothingMoreThan(calls);
  }

  @Test
  void helpListsTheCommandsAndUnknownSubcommandsGetIt() {
    String help = slack.app().command(alice, general, "help").text();
    for (String usage :
        new String[] {
          "declare [sev1-4] [--drill] <title>",
          "list",
          "ic <@user> | ic me",
          "role <comms|scribe|ops> <@user>"
        }) {
      assertTrue(help.contains("/incident " + usage), help);
    }
    String unknown = slack.app().command(alice, general, "frobnicate now").text();
    assertTrue(unknown.contains("`frobnicate` is not an `/incident` command"), unknown);
    assertTrue(unknown.contains("/incident list"), unknown);
    // Shown as typed: escaped once, and a mention as a name rather than a token.
    String ampersand = slack.app().command(alice, general, "a&b").text();
    assertTrue(ampersand.contains("`a&amp;b` is not"), ampersand);
    String mention = slack.app().command(alice, general, "@bob").text();
    assertTrue(mention.contains("`@bob` is not"), mention);
  }

  @Test
  void listShowsOpenIncidentsWithChannelAndHidesPrivateOnesFromOutsiders() {
    Room room = declare("Billing export stuck");
    String list = slack.app().command(bob, general, "list").text();
    assertTrue(list.contains("Billing export stuck"), list);
    assertTrue(list.contains("<#" + room.id + ">"), list);
    assertTrue(list.contains("Open incidents"), list);
  }
}
