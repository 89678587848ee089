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
 * What the app's manifest ({@code app-manifest.yml}, packaged with the app) subscribes to, so the
 * workspace sends exactly the events Slack would.
 */
final class AppManifest {

  private AppManifest() {}

  @SuppressWarnings("unchecked")
  static Set<String> botEvents() {
    try (InputStream in = AppManifest.class.getResourceAsStream("/app-manifest.yml")) {
      if (in == null) {
        throw new IllegalStateException("app-manifest.yml is not on the classpath");
      }
      Map<String, Object> manifest = new Yaml().load(in);
      Map<String, Object> settings = (Map<String, Object>) manifest.get("settings");
      Map<String, Object> events = (Map<String, Object>) settings.get("event_subscriptions");
      return new TreeSet<>((List<String>) events.getOrDefault("bot_events", List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
