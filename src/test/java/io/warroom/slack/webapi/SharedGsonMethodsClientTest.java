package io.warroom.slack.webapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.Faults.Fault;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedGsonMethodsClient} reads the answers of the calls Warroom makes itself, as Bolt
 * would: the same answers, {@code ok: false} as an answer, and an HTTP error as {@link
 * SlackApiException} with its response. If a Bolt upgrade stops routing calls through the method it
 * overrides, the count of answers it read stays at zero and this fails.
 */
class SharedGsonMethodsClientTest {

  private FakeSlack slack;
  private Slack sdk;
  private SharedGsonMethodsClient client;

  @BeforeEach
  void start() {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    SlackConfig config = new SlackConfig();
    config.setFailOnUnknownProperties(true); // as in the tests' Warroom: no invented fields
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    sdk = Slack.getInstance(config);
    client = new SharedGsonMethodsClient(sdk.getHttpClient(), TestApp.BOT_TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    sdk.close();
    slack.close();
  }

  @Test
  void answersAreReadHereAsBoltWouldReadThem() throws Exception {
    assertEquals(slack.botUserId(), client.authTest(r -> r).getUserId());
    ConversationsCreateResponse created = client.conversationsCreate(r -> r.name("inc-gson"));
    assertTrue(created.isOk(), created.getError());
    String channel = created.getChannel().getId();
    ChatPostMessageResponse posted =
        client.chatPostMessage(
            r ->
                r.channel(channel)
                    .text("SEV1: Payments")
                    .blocks(
                        List.of(
                            Blocks.section(
                                s -> s.text(BlockCompositions.markdownText("*SEV1* Payments"))))));
    assertTrue(posted.isOk(), posted.getError());
    assertEquals(
        "*SEV1* Payments",
        slack.message(channel, posted.getTs()).orElseThrow().blocks().at("/0/text/text").asText());
    ConversationsCreateResponse again = client.conversationsCreate(r -> r.name("inc-gson"));
    assertFalse(again.isOk());
    assertEquals("name_taken", again.getError());
    assertEquals(4, client.answersRead());
  }

  @Test
  void aRateLimitIsAnHttpErrorThatCarriesItsRetryAfter() {
    slack.faults().inject("chat.postMessage", 1, Fault.rateLimited(Duration.ofSeconds(3)));
    SlackApiException limited =
        assertThrows(
            SlackApiException.class,
            () -> client.chatPostMessage(r -> r.channel("C0NOWHERE").text("update")));
    assertEquals(429, limited.getResponse().code());
    assertEquals("3", limited.getResponse().header("Retry-After"));
    assertEquals(1, client.answersRead());
  }
}
