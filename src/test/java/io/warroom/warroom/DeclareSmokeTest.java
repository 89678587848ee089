package io.warroom.warroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.sandbox.AppLink;
import io.warroom.support.TestApp;
import org.junit.jupiter.api.Test;

class DeclareSmokeTest {

  @Test
  void declares() {
    try (TestApp app = TestApp.start()) {
      String alice = app.slack.user("alice");
      String general = app.slack.channel("general", false, alice, alice);
      AppLink.Reply reply =
          app.slack.app().command(alice, general, "declare sev1 Payments API returning 500s");
      System.out.println(reply);
      assertEquals(200, reply.status());
      TestApp.await(
          "war room",
          () -> app.slack.channelNames().stream().anyMatch(n -> n.contains("payments")));
      String channel =
          app.slack
              .channelId(
                  app.slack.channelNames().stream()
                      .filter(n -> n.contains("payments"))
                      .findFirst()
                      .orElseThrow())
              .orElseThrow();
      TestApp.await("card pinned", () -> !app.slack.pins(channel).isEmpty());
      app.slack.messages(channel).forEach(m -> System.out.println(m.allText()));
      System.out.println(app.slack.topic(channel));
      System.out.println(app.slack.calls());
      assertTrue(app.slack.members(channel).contains(alice));
    }
  }
}
