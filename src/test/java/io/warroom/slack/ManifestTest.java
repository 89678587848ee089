package io.warroom.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.warroom.slack.inbound.GlobalShortcutListener;
import io.warroom.slack.inbound.MessageShortcutListener;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.support.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code app-manifest.yml} is a valid Slack manifest and declares exactly what the code uses: the
 * command, the request URLs, the events it listens to and the scopes its Web API calls need.
 */
class ManifestTest {

  private static JsonNode manifest;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void read() throws IOException {
    manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("app-manifest.yml").toFile());
  }

  @Test
  void validatesAgainstSlacksManifestSchema() throws IOException {
    try (InputStream schema = resource("/slack/manifest/manifest.schema.1.0.0.json")) {
      JsonSchema validator =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
      Set<ValidationMessage> problems = validator.validate(manifest);
      assertTrue(problems.isEmpty(), problems.toString());
    }
  }

  @Test
  void declaresTheCommandTheCodeRegistersWithEscapedMentions() {
    JsonNode command = manifest.at("/features/slash_commands/0");
    assertEquals(SlackIds.COMMAND, command.get("command").asText());
    assertTrue(command.get("should_escape").asBoolean(), "mentions arrive as <@U...>");
    assertEquals(1, manifest.at("/features/slash_commands").size());
  }

  @Test
  void declaresExactlyTheShortcutsTheCodeRegisters() {
    Map<String, String> declared = new java.util.TreeMap<>();
    manifest
        .at("/features/shortcuts")
        .forEach(s -> declared.put(s.get("callback_id").asText(), s.get("type").asText()));
    assertEquals(
        Map.of(
            SlackIds.DECLARE_FROM_MESSAGE,
            "message",
            SlackIds.DECLARE_SHORTCUT,
            "global",
            SlackIds.TRACK_HYPOTHESIS,
            "message"),
        declared);
    try (TestApp app = TestApp.start()) {
      Set<String> registered = new TreeSet<>();
      app.context
          .getBeansOfType(MessageShortcutListener.class)
          .forEach(l -> registered.add(l.callbackId() + "=message"));
      app.context
          .getBeansOfType(GlobalShortcutListener.class)
          .forEach(l -> registered.add(l.callbackId() + "=global"));
      Set<String> manifestSide = new TreeSet<>();
      declared.forEach((id, type) -> manifestSide.add(id + "=" + type));
      assertEquals(manifestSide, registered);
    }
  }

  @Test
  void sendsEverythingToTheOneRequestUrl() {
    String command = manifest.at("/features/slash_commands/0/url").asText();
    assertTrue(command.endsWith("/slack/events"), command);
    assertEquals(command, manifest.at("/settings/interactivity/request_url").asText());
    assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean());
    assertEquals(command, manifest.at("/settings/event_subscriptions/request_url").asText());
    assertTrue(
        manifest.at("/features/app_home/home_tab_enabled").asBoolean(), "App Home is published");
  }

  @Test
  void subscribesToExactlyTheEventsTheCodeHandles() {
    Set<String> declared = new TreeSet<>();
    manifest.at("/settings/event_subscriptions/bot_events").forEach(e -> declared.add(e.asText()));
    Set<String> handled = new TreeSet<>();
    try (TestApp app = TestApp.start()) {
      for (SlackEventListener<?> listener : app.context.getBeansOfType(SlackEventListener.class)) {
        handled.addAll(manifestNames(listener.type()));
      }
    }
    assertEquals(handled, declared);
  }

  @Test
  void requestsTheScopesTheWebApiCallsNeedAndNoMore() throws IOException {
    Set<String> granted = new TreeSet<>();
    manifest.at("/oauth_config/scopes/bot").forEach(s -> granted.add(s.asText()));
    JsonNode facts;
    try (InputStream in = resource("/slack/derived/method-facts.json")) {
      facts = JSON.readTree(in);
    }
    Set<String> used = webApiMethodsUsed(facts);
    assertTrue(
        used.contains("conversations.create") && used.contains("chat.postMessage"),
        used.toString());

    Set<String> justified = new HashSet<>(eventAndCommandScopes());
    for (String method : used) {
      JsonNode anyOf = facts.path(method).path("scopes_bot_any_of");
      if (!anyOf.isArray()) {
        continue; // needs no scope (views.*, auth.test, chat.getPermalink)
      }
      Set<String> options = new HashSet<>();
      anyOf.forEach(s -> options.add(s.asText()));
      options.retainAll(granted);
      assertTrue(!options.isEmpty(), method + " needs one of " + anyOf);
      boolean bothKinds =
          anyOf.toString().contains("channels:") && anyOf.toString().contains("groups:");
      if (bothKinds) {
        // War rooms are public or private channels: both kinds need a scope.
        assertTrue(
            options.stream().anyMatch(s -> s.startsWith("channels:")),
            method + " in public channels");
        assertTrue(
            options.stream().anyMatch(s -> s.startsWith("groups:")),
            method + " in private channels");
      }
      justified.addAll(options);
    }
    Set<String> unused = new TreeSet<>(granted);
    unused.removeAll(justified);
    assertTrue(unused.isEmpty(), "scopes nothing uses: " + unused);
  }

  /** Scopes that events and the command need, which no Web API method lists. */
  private static Set<String> eventAndCommandScopes() {
    return Set.of(
        "commands", // the slash command
        "channels:history", // message.channels
        "groups:history", // message.groups
        "reactions:read", // reaction_added / reaction_removed
        "channels:read", // member_joined_channel in public channels
        "groups:read"); // member_joined_channel in private channels
  }

  /** Web API methods the main code calls through Bolt's client, found in the source. */
  private static Set<String> webApiMethodsUsed(JsonNode facts) throws IOException {
    Map<String, String> byCamel = new java.util.HashMap<>();
    Iterator<String> names = facts.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.startsWith("_")) {
        byCamel.put(name.replace(".", "").toLowerCase(Locale.ROOT), name);
      }
    }
    Pattern call = Pattern.compile("\\.([a-z]+[A-Z][A-Za-z0-9]*)\\(");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/warroom/slack"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = call.matcher(Files.readString(file));
        while (m.find()) {
          String camel = m.group(1);
          if (camel.equals("filesUploadV2")) {
            used.add("files.getUploadURLExternal");
            used.add("files.completeUploadExternal");
          }
          String method = byCamel.get(camel.toLowerCase(Locale.ROOT));
          if (method != null) {
            used.add(method);
          }
        }
      }
    }
    return used;
  }

  private static Set<String> manifestNames(Class<?> eventType) {
    try {
      String type =
          (String)
              eventType
                  .getMethod("getType")
                  .invoke(eventType.getDeclaredConstructor().newInstance());
      return type.equals("message") ? Set.of("message.channels", "message.groups") : Set.of(type);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static InputStream resource(String path) {
    return ManifestTest.class.getResourceAsStream(path);
  }
}
