package io.warroom.fakeslack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/**
 * What the app's manifest ({@code app-manifest.yml}, packaged with the app) declares: the events it
 * subscribes to, so the workspace sends exactly the events Slack would, and its slash command.
 */
final class AppManifest {

  private AppManifest() {}

  /** The app's slash command, as typed ({@code /incident}): the first the manifest lists. */
  static final String COMMAND = command();

  @SuppressWarnings("unchecked")
  static Set<String> botEvents() {
    Map<String, Object> settings = (Map<String, Object>) manifest().get("settings");
    Map<String, Object> events = (Map<String, Object>) settings.get("event_subscriptions");
    return new TreeSet<>((List<String>) events.getOrDefault("bot_events", List.of()));
  }

  @SuppressWarnings("unchecked")
  private static String command() {
    Map<String, Object> features = (Map<String, Object>) manifest().get("features");
    List<Map<String, Object>> commands =
        (List<Map<String, Object>>) features.getOrDefault("slash_commands", List.of());
    if (commands.isEmpty()) {
      throw new IllegalStateException("app-manifest.yml lists no slash command");
    }
    return String.valueOf(commands.get(0).get("command"));
  }

  private static Map<String, Object> manifest() {
    try (InputStream in = AppManifest.class.getResourceAsStream("/app-manifest.yml")) {
      if (in == null) {
        throw new IllegalStateException("app-manifest.yml is not on the classpath");
      }
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
