package io.warroom.fakeslack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsRateLimitTier;
import com.slack.api.methods.MethodsRateLimits;
import io.warroom.support.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake Slack's rate limits and answer time, as Slack's own clients would meet them. */
class FakeSlackLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeSlack slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);

  @AfterEach
  void close() {
    slack.close();
  }

  @Test
  void aTierTwoMethodTakesTwentyCallsAMinuteThenAnswers429WithRetryAfter() throws Exception {
    slack.rateLimits(true);
    for (int i = 1; i <= 20; i++) {
      assertEquals(200, call("conversations.create", "name", "room-" + i).statusCode());
    }
    HttpResponse<String> refused = call("conversations.create", "name", "room-21");

    assertEquals(429, refused.statusCode());
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 55 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertEquals("ratelimited", JSON.readTree(refused.body()).path("error").asText());
    assertTrue(slack.channelId("room-21").isEmpty(), "a refused call does nothing");
    assertEquals(1, slack.rateLimitedCalls());
    // Another method has its own budget.
    String channel = slack.channelId("room-1").orElseThrow();
    assertEquals(
        200, call("conversations.setTopic", "channel", channel, "topic", "t").statusCode());
  }

  @Test
  void postsTakeAShortBurstPerChannelThenOneASecond() throws Exception {
    slack.rateLimits(true);
    String alice = slack.user("alice");
    String a = slack.channel("a", false, alice, alice, slack.botUserId());
    String b = slack.channel("b", false, alice, alice, slack.botUserId());
    for (int i = 0; i < RateLimits.POST_BURST; i++) {
      assertEquals(200, call("chat.postMessage", "channel", a, "text", "m" + i).statusCode());
    }
    HttpResponse<String> refused = call("chat.postMessage", "channel", a, "text", "too many");
    assertEquals(429, refused.statusCode());
    assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(200, call("chat.postMessage", "channel", b, "text", "other").statusCode());

    // The bucket refills one message a second: within two, the channel takes a post again.
    TestApp.await("a post accepted again", Duration.ofSeconds(2), () -> postAccepted(a, "later"));
    assertEquals(RateLimits.POST_BURST + 1, slack.messages(a).size());
  }

  @Test
  void limitsAreOffUnlessSwitchedOn() throws Exception {
    for (int i = 1; i <= 25; i++) {
      assertEquals(200, call("conversations.create", "name", "room-" + i).statusCode());
    }
    assertEquals(0, slack.rateLimitedCalls());
  }

  @Test
  void answersTakeTheLatencySet() throws Exception {
    slack.latency(Duration.ofMillis(100), Duration.ofMillis(250));
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      call("auth.test");
      long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertTrue(took >= 100, "answered in " + took + " ms");
    }
  }

  @Test
  void everyTierIsTheOneSlacksJavaSdkLists() {
    List<String> methods =
        List.of(
            "apps.connections.open",
            "bots.info",
            "chat.postEphemeral",
            "chat.update",
            "conversations.create",
            "conversations.history",
            "conversations.info",
            "conversations.invite",
            "conversations.join",
            "conversations.list",
            "conversations.members",
            "conversations.replies",
            "conversations.setTopic",
            "files.completeUploadExternal",
            "files.getUploadURLExternal",
            "files.info",
            "pins.add",
            "users.info",
            "users.list",
            "views.open",
            "views.publish",
            "views.push",
            "views.update");
    for (String method : methods) {
      MethodsRateLimitTier tier = MethodsRateLimits.lookupRateLimitTier(method);
      assertEquals(
          MethodsRateLimitTier.getAllowedRequestsPerMinute(tier),
          RateLimits.perMinute(method).orElse(null),
          method);
    }
    assertEquals(
        MethodsRateLimitTier.SpecialTier_chat_postMessage,
        MethodsRateLimits.lookupRateLimitTier("chat.postMessage"));
  }

  private HttpResponse<String> call(String method, String... params) throws Exception {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
            .header("Authorization", "Bearer " + TestApp.BOT_TOKEN)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private boolean postAccepted(String channel, String text) {
    try {
      return call("chat.postMessage", "channel", channel, "text", text).statusCode() == 200;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
