package io.warroom.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.config.StartupProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signature, the settings' checks and the retry rules, without a server. */
class SigningAndSettingsTest {

  /**
   * The Standard Webhooks reference libraries' own test vector (secret, id, timestamp, payload and
   * signature), recomputed independently with Python's hmac module before it was written here.
   */
  @Test
  void signsAsTheStandardWebhooksReferenceVectorSays() {
    SigningKey key = SigningKey.parse("S", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertEquals(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        key.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    assertFalse(key.toString().contains("MfKQ"));
  }

  @Test
  void theTestReceiverRefusesWhatIsNotSignedWithTheSecret() throws Exception {
    try (Receiver r = new Receiver("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")) {
      SigningKey key = SigningKey.parse("S", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
      long now = Instant.now().getEpochSecond();
      String sig = key.sign("msg_1", now, "{}");
      assertNull(r.verify("msg_1", Long.toString(now), sig, "{}"));
      assertNull(r.verify("msg_1", Long.toString(now), "v1,bm9wZQ== " + sig, "{}"));
      assertNotNull(r.verify("msg_1", Long.toString(now), sig, "{ }"));
      assertNotNull(r.verify("msg_2", Long.toString(now), sig, "{}"));
      assertNotNull(
          r.verify("msg_1", Long.toString(now - 600), key.sign("msg_1", now - 600, "{}"), "{}"));
      SigningKey other = SigningKey.parse("S", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
      assertNotNull(r.verify("msg_1", Long.toString(now), other.sign("msg_1", now, "{}"), "{}"));
    }
  }

  @Test
  void aBadSecretStopsStartUpWithOneLineThatNeverShowsIt() {
    assertTrue(
        assertThrows(StartupProblem.class, () -> SigningKey.parse("WARROOM_WEBHOOK_SECRET", ""))
            .getMessage()
            .contains("WARROOM_WEBHOOK_SECRET is required when WARROOM_WEBHOOK_URLS is set"));
    String bad =
        assertThrows(
                StartupProblem.class,
                () -> SigningKey.parse("WARROOM_WEBHOOK_SECRET", "whsec_not*base64!!"))
            .getMessage();
    assertTrue(bad.contains("is not whsec_ followed by base64"), bad);
    assertFalse(bad.contains("not*base64"), bad);
    assertTrue(
        assertThrows(
                StartupProblem.class,
                () -> SigningKey.parse("WARROOM_WEBHOOK_SECRET", "whsec_c2hvcnQ="))
            .getMessage()
            .contains("decodes to 5 bytes; Standard Webhooks asks for 24 to 64"));
  }

  @Test
  void badUrlsAreNamedWithoutTheirPathOrQuery() {
    assertEquals(0, WebhookSettingsFactory.endpoints("").size());
    assertEquals(2, WebhookSettingsFactory.endpoints("https://a.example/x, http://b:9/y").size());
    String ftp =
        assertThrows(
                StartupProblem.class,
                () -> WebhookSettingsFactory.endpoints("https://a.example/x,ftp://b/secret-token"))
            .getMessage();
    assertTrue(
        ftp.startsWith("WARROOM_WEBHOOK_URLS: an entry is not an absolute http(s) URL"), ftp);
    assertFalse(ftp.contains("secret-token"), ftp);
    assertThrows(StartupProblem.class, () -> WebhookSettingsFactory.endpoints("hooks.example.com"));
    assertTrue(
        assertThrows(
                StartupProblem.class,
                () -> WebhookSettingsFactory.endpoints("https://a.example/x,https://a.example/x"))
            .getMessage()
            .contains("twice"));
  }

  @Test
  void retriesNetworkErrors408429And5xxAndGivesUpOnOtherAnswers() {
    assertTrue(Attempt.of(200, Optional.empty()) instanceof Attempt.Delivered);
    assertTrue(Attempt.of(204, Optional.empty()) instanceof Attempt.Delivered);
    for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
      assertTrue(Attempt.of(status, Optional.empty()) instanceof Attempt.Failed, "" + status);
    }
    for (int status : new int[] {301, 400, 401, 403, 404, 410, 413, 422}) {
      assertTrue(Attempt.of(status, Optional.empty()) instanceof Attempt.Refused, "" + status);
    }
    Attempt.Failed limited = (Attempt.Failed) Attempt.of(429, Optional.of("120"));
    assertEquals(Optional.of(Duration.ofSeconds(120)), limited.retryAfter());
    Instant now = Instant.parse("2026-12-07T00:00:00Z");
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetryAfter.parse("Mon, 07 Dec 2026 00:01:30 GMT", now));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
  }

  @Test
  void backsOffDoublingUpToTheCapAndRetriesForADay() {
    WebhookSettings s =
        new WebhookSettingsFactory()
            .webhookSettings(
                "https://hooks.example.com/w",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "http://localhost:8080",
                "24h",
                "5s",
                "1h",
                "10s",
                "60s",
                "1s");
    assertEquals(Duration.ofSeconds(5), s.backoff(1));
    assertEquals(Duration.ofSeconds(10), s.backoff(2));
    assertEquals(Duration.ofSeconds(40), s.backoff(4));
    assertEquals(Duration.ofHours(1), s.backoff(30));
    assertEquals(Duration.ofHours(24), s.retryFor());
    assertThrows(
        StartupProblem.class,
        () ->
            new WebhookSettingsFactory()
                .webhookSettings(
                    "https://hooks.example.com/w",
                    "",
                    "http://localhost:8080",
                    "24h",
                    "5s",
                    "1h",
                    "10s",
                    "60s",
                    "1s"));
    assertThrows(
        StartupProblem.class,
        () ->
            new WebhookSettingsFactory()
                .webhookSettings("", "", "not a url", "24h", "5s", "1h", "10s", "60s", "1s"));
  }
}
