package io.warroom.fakeslack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.support.TestApp;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fake Slack invents nothing: every field of every response it gives appears in the response
 * Slack gave for that method, as recorded by Slack's Java SDK ({@code slack/api/*.json}, copied
 * into src/test/resources/slack/) or shown in Slack's published method examples ({@code
 * slack/docs-methods/*.json}). And it refuses what Slack refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeSlackContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeSlack slack;
  private String alice;
  private final Map<String, JsonNode> answers = new LinkedHashMap<>();

  @BeforeAll
  void exerciseEveryMethod() throws Exception {
    slack = FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET);
    alice = slack.user("alice");
    String lobby = slack.channel("lobby", false, alice, alice);
    JsonNode created = call("conversations.create", "name", "contract-room");
    String channel = created.at("/channel/id").asText();
    call("conversations.list", "types", "public_channel,private_channel");
    call("conversations.info", "channel", channel);
    call("conversations.invite", "channel", channel, "users", alice);
    call("conversations.join", "channel", lobby);
    call("conversations.setTopic", "channel", channel, "topic", "SEV1 | Investigating");
    JsonNode posted =
        call(
            "chat.postMessage",
            "channel",
            channel,
            "text",
            "hello",
            "blocks",
            "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hello\"}}]",
            "metadata",
            "{\"event_type\":\"warroom_post\",\"event_payload\":{\"key\":\"k1\"}}");
    String ts = posted.get("ts").asText();
    slack.post(alice, channel, "a reply", ts);
    call("conversations.history", "channel", channel, "include_all_metadata", "1");
    call("conversations.replies", "channel", channel, "ts", ts);
    call("conversations.members", "channel", channel);
    call("chat.update", "channel", channel, "ts", ts, "text", "hello again");
    call("chat.postEphemeral", "channel", channel, "user", alice, "text", "psst");
    call("chat.getPermalink", "channel", channel, "message_ts", ts);
    call("pins.add", "channel", channel, "timestamp", ts);
    call("users.info", "user", alice);
    call("users.list");
    String modal =
        "{\"type\":\"modal\",\"callback_id\":\"c\",\"title\":{\"type\":\"plain_text\",\"text\":\"T\"},"
            + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}]}";
    JsonNode opened = call("views.open", "trigger_id", slack.trigger(alice), "view", modal);
    call("views.update", "view_id", opened.at("/view/id").asText(), "view", modal);
    call("views.publish", "user_id", alice, "view", "{\"type\":\"home\",\"blocks\":[]}");
    JsonNode upload =
        call("files.getUploadURLExternal", "filename", "postmortem.md", "length", "5");
    http.send(
        HttpRequest.newBuilder(URI.create(upload.get("upload_url").asText()))
            .POST(HttpRequest.BodyPublishers.ofString("# hi\n"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    String file = upload.get("file_id").asText();
    call(
        "files.completeUploadExternal",
        "files",
        "[{\"id\":\"" + file + "\",\"title\":\"Postmortem\"}]",
        "channel_id",
        channel,
        "initial_comment",
        "draft");
    call("files.info", "file", file);
  }

  @AfterAll
  void stop() {
    slack.close();
  }

  @Test
  void everyAnswerIsOkAndUsesOnlyFieldsSlackSends() throws Exception {
    Map<String, Set<String>> invented = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
      assertTrue(
          answer.getValue().get("ok").asBoolean(), answer.getKey() + ": " + answer.getValue());
      Set<String> known = paths(read("/slack/api/" + answer.getKey() + ".json"));
      JsonNode docs = read("/slack/docs-methods/" + answer.getKey() + ".json");
      if (docs != null) {
        docs.path("examples").forEach(example -> known.addAll(paths(example.path("example"))));
      }
      Set<String> ours = paths(answer.getValue());
      ours.removeAll(known);
      if (!ours.isEmpty()) {
        invented.put(answer.getKey(), ours);
      }
    }
    assertEquals(Map.of(), invented, "fields Slack never sent");
  }

  @Test
  void refusesWhatSlackRefuses() throws Exception {
    assertEquals(
        "name_taken", raw("conversations.create", "name", "contract-room").get("error").asText());
    assertEquals(
        "invalid_name_specials",
        raw("conversations.create", "name", "Bad Name!").get("error").asText());
    assertEquals(
        "invalid_name_maxlength",
        raw("conversations.create", "name", "x".repeat(81)).get("error").asText());
    assertEquals(
        "method_deprecated",
        raw("files.upload", "channels", "C1", "content", "x").get("error").asText());
    String theirs = slack.channel("not-ours", false, alice, alice);
    assertEquals(
        "not_in_channel",
        raw("chat.postMessage", "channel", theirs, "text", "hi").get("error").asText());
    String tooMany = "[" + "{\"type\":\"divider\"},".repeat(50) + "{\"type\":\"divider\"}]";
    JsonNode blocks =
        raw(
            "chat.postMessage",
            "channel",
            slack.channelId("contract-room").orElseThrow(),
            "blocks",
            tooMany);
    assertEquals("invalid_blocks", blocks.get("error").asText());
    assertTrue(blocks.toString().contains("must be less than 51 items"), blocks.toString());
    assertEquals("invalid_auth", raw("auth.test", "token", "xoxb-wrong").get("error").asText());
    String used = slack.trigger(alice);
    String modal =
        "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"T\"},\"blocks\":[]}";
    raw("views.open", "trigger_id", used, "view", modal);
    assertEquals(
        "exchanged_trigger_id",
        raw("views.open", "trigger_id", used, "view", modal).get("error").asText());
  }

  private static JsonNode read(String resource) throws java.io.IOException {
    try (InputStream in = FakeSlackContractTest.class.getResourceAsStream(resource)) {
      return in == null ? null : JSON.readTree(in);
    }
  }

  private JsonNode call(String method, String... params) throws Exception {
    JsonNode answer = raw(method, params);
    answers.put(method, answer);
    return answer;
  }

  private JsonNode raw(String method, String... params) throws Exception {
    StringBuilder form = new StringBuilder();
    String token = TestApp.BOT_TOKEN;
    for (int i = 0; i < params.length; i += 2) {
      if (params[i].equals("token")) {
        token = params[i + 1];
        continue;
      }
      form.append(form.length() == 0 ? "" : "&")
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** Every field path in a JSON document; array elements share the path {@code []}. */
  static Set<String> paths(JsonNode node) {
    Set<String> out = new TreeSet<>();
    collect(node, "", out);
    return out;
  }

  private static void collect(JsonNode node, String at, Set<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String path = at + "/" + f.getKey();
        out.add(path);
        if (!isOpenMap(f.getKey())) {
          collect(f.getValue(), path, out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, at + "[]", out));
    }
  }

  /** Objects whose keys are data, not fields: block ids, metadata payloads, view state. */
  private static boolean isOpenMap(String key) {
    return key.equals("event_payload") || key.equals("values") || key.equals("blocks");
  }
}
