package io.warroom.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.chat.ChatAction;
import io.warroom.decision.Decisions;
import io.warroom.fakeslack.AppLink;
import io.warroom.hypothesis.Hypotheses;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Severity;
import io.warroom.incident.StatusUpdate;
import io.warroom.room.WarRooms;
import io.warroom.slack.SlackIds;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import io.warroom.support.Whispers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The signed read-only pages of SPEC section 14: links, refusals, escaping, headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {

  private static final String SECRET = "page-secret-for-tests-3f9a6c1e";
  private static final String ALICE = "U0ALICE02";

  /**
   * Hostile text as people type it (the corpus of output.HostileTextTest, decoded from Slack's
   * entities, which is how the services receive it).
   */
  private static final List<String> HOSTILE =
      List.of(
          "<!channel> everyone look",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "[x](javascript:alert(1))",
          "<javascript:alert(1)|click me>",
          "\"><svg onload=alert(1)>",
          "=HYPERLINK(\"http://evil\",\"x\")",
          "invoice\u202Egnp.exe and \u2066isolated\u2069");

  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;
  private PageLinks links;
  private long incident;
  private long secret;

  @BeforeAll
  void start() {
    app =
        TestApp.start(
            Map.of(
                "warroom.page-secret",
                SECRET,
                "warroom.public-url",
                "https://warroom.example.com"));
    links = app.bean(PageLinks.class);
    IncidentService incidents = app.bean(IncidentService.class);
    incident = declare(incidents, "Checkout down <b>now</b>", false);
    secret = declare(incidents, "Private breach", true);
    for (String text : HOSTILE) {
      incidents.postUpdate(incident, StatusUpdate.quick(text), ALICE);
      app.bean(Decisions.class).record(incident, text, ALICE);
      app.bean(ActionItemService.class).record(incident, text, ALICE, ALICE);
    }
    app.bean(Hypotheses.class).raise(incident, "<script>alert(2)</script>", null, ALICE);
  }

  private static long declare(IncidentService incidents, String title, boolean privateIncident) {
    return incidents
        .declare(
            new DeclareRequest(
                "pages-" + title, title, Severity.SEV2, null, privateIncident, false, ALICE, ALICE))
        .incident()
        .id();
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void aSignedLinkShowsTheIncidentWithEveryHostileTextAsText() throws Exception {
    String link = links.incident(incident);
    assertTrue(
        link.startsWith("https://warroom.example.com/incidents/" + incident + "?exp="), link);
    HttpResponse<String> page = get(local(link));
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("Checkout down &lt;b&gt;now&lt;/b&gt;"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "update shown as text");
    assertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "hypothesis shown as text");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertFalse(
        Pattern.compile("<\\s*(script|img|svg onload|a\\b)", Pattern.CASE_INSENSITIVE)
            .matcher(html)
            .find(),
        "no tag of theirs");
    assertFalse(html.contains("href="), "no links at all");
    assertFalse(
        Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]").matcher(html).find(), "no bidi");
    for (String section :
        List.of(
            "Status updates",
            "Key events",
            "Hypotheses",
            "Decisions",
            "Action items",
            "Postmortem")) {
      assertTrue(html.contains("<h2>" + section + "</h2>"), section);
    }
    assertSecured(page);
  }

  @Test
  void noLinkATamperedOneOrAnExpiredOneIs403() throws Exception {
    String link = local(links.incident(incident));
    assertEquals(403, get("/incidents/" + incident).statusCode());
    assertSecured(get("/incidents/" + incident));
    String other = link.replace("/incidents/" + incident + "?", "/incidents/" + secret + "?");
    assertEquals(403, get(other).statusCode(), "signature of another path");
    Matcher exp = Pattern.compile("exp=([0-9]+)").matcher(link);
    assertTrue(exp.find());
    long expiry = Long.parseLong(exp.group(1));
    assertEquals(
        403,
        get(link.replace("exp=" + expiry, "exp=" + (expiry + 1))).statusCode(),
        "later expiry");
    String sig = link.substring(link.indexOf("sig=") + 4);
    String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
    assertEquals(403, get(link.replace(sig, flipped)).statusCode(), "altered signature");
    // A correctly signed link (same key, same format) whose time is up.
    long past = Instant.now().minusSeconds(5).getEpochSecond();
    String expired =
        "/incidents/" + incident + "?exp=" + past + "&sig=" + sign("/incidents/" + incident, past);
    assertEquals(403, get(expired).statusCode(), "expired");
    long future = Instant.now().plusSeconds(600).getEpochSecond();
    String fresh =
        "/incidents/"
            + incident
            + "?exp="
            + future
            + "&sig="
            + sign("/incidents/" + incident, future);
    assertEquals(
        200, get(fresh).statusCode(), "the same format unexpired works: the checks above are real");
  }

  @Test
  void aPrivateIncidentHasNoPageLikeAMissingOne() throws Exception {
    HttpResponse<String> privatePage = get(local(links.incident(secret)));
    HttpResponse<String> missing = get(local(links.incident(987_654)));
    assertEquals(404, privatePage.statusCode());
    assertEquals(missing.statusCode(), privatePage.statusCode());
    assertEquals(missing.body(), privatePage.body());
    assertFalse(privatePage.body().contains("breach"));
  }

  @Test
  void theInsightsPageHasTablesAndSvgChartsAndNoScript() throws Exception {
    assertEquals(403, get("/insights").statusCode());
    HttpResponse<String> page = get(local(links.insights()));
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("<svg"), html);
    assertTrue(html.contains("<table>"), html);
    assertTrue(html.contains("Incidents per month"), html);
    assertTrue(html.contains("width=device-width"), "readable on a phone");
    assertFalse(html.toLowerCase().contains("<script"), html);
    assertSecured(page);
  }

  @Test
  void shareAndInsightsCommandsAnswerPrivatelyWithWorkingLinks() throws Exception {
    String alice = app.slack.user("alice");
    String general = app.slack.channel("general", false, alice, alice);
    app.slack.app().command(alice, general, "declare sev2 Shared page incident");
    Room room = Room.awaitContaining(app.slack, "shared-page-incident");
    long id = app.bean(WarRooms.class).incidentIn(room.id).orElseThrow();
    AppLink.Reply share = app.slack.app().command(alice, room.id, "share");
    assertEquals(200, share.status());
    Matcher url =
        Pattern.compile(
                "https://warroom\\.example\\.com(/incidents/"
                    + id
                    + "\\?exp=[0-9]+&amp;sig=[A-Za-z0-9_-]+)")
            .matcher(share.text());
    assertTrue(url.find(), share.text());
    HttpResponse<String> page = get(url.group(1).replace("&amp;", "&"));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Shared page incident"));
    assertFalse(share.body().contains("\"in_channel\""), "private answer: " + share.body());

    int whispers = Whispers.count(app.slack, alice);
    AppLink.Reply click =
        app.slack
            .app()
            .click(alice, room.id, room.card().ts(), SlackIds.actionId(ChatAction.SHARE), null);
    assertEquals(200, click.status());
    String told = Whispers.awaitNew(app.slack, alice, whispers, "/incidents/" + id + "?exp=");
    Matcher fromButton =
        Pattern.compile(
                "https://warroom\\.example\\.com(/incidents/"
                    + id
                    + "\\?exp=[0-9]+&amp;sig=[A-Za-z0-9_-]+)")
            .matcher(told);
    assertTrue(fromButton.find(), told);
    assertEquals(200, get(fromButton.group(1).replace("&amp;", "&")).statusCode());

    AppLink.Reply insights = app.slack.app().command(alice, general, "insights");
    Matcher link =
        Pattern.compile(
                "https://warroom\\.example\\.com(/insights\\?exp=[0-9]+&amp;sig=[A-Za-z0-9_-]+)")
            .matcher(insights.text());
    assertTrue(link.find(), insights.text());
    assertEquals(200, get(link.group(1).replace("&amp;", "&")).statusCode());

    AppLink.Reply outside = app.slack.app().command(alice, general, "share");
    assertTrue(outside.text().contains("incident's channel"), outside.text());
  }

  private static void assertSecured(HttpResponse<String> page) {
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("default-src 'none'"), csp);
    assertFalse(csp.contains("script-src"), csp);
    assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
  }

  private static String sign(String path, long exp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal((path + "\n" + exp).getBytes(StandardCharsets.UTF_8)));
  }

  private static String local(String link) {
    return URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(app.url(pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
