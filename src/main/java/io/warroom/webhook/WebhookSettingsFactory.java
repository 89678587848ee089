package io.warroom.webhook;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;
import io.warroom.config.StartupProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks the events-out settings at start-up: one clear line per bad value. */
@Factory
class WebhookSettingsFactory {

  @Context
  WebhookSettings webhookSettings(
      @Value("${warroom.webhook.urls:}") String urls,
      @Value("${warroom.webhook.secret:}") String secret,
      @Value("${warroom.public-url:`http://localhost:8080`}") String publicUrl,
      @Value("${warroom.webhook.retry-for:24h}") String retryFor,
      @Value("${warroom.webhook.first-backoff:5s}") String firstBackoff,
      @Value("${warroom.webhook.max-backoff:1h}") String maxBackoff,
      @Value("${warroom.webhook.timeout:10s}") String timeout,
      @Value("${warroom.webhook.lease:60s}") String lease,
      @Value("${warroom.webhook.sweep:1s}") String sweep) {
    List<URI> endpoints = endpoints(urls);
    URI source = url("WARROOM_PUBLIC_URL", publicUrl);
    Duration send = SettingParser.duration("warroom.webhook.timeout", timeout);
    Duration held = SettingParser.duration("warroom.webhook.lease", lease);
    if (held.compareTo(send.multipliedBy(2)) < 0) {
      throw new StartupProblem(
          "warroom.webhook.lease must be at least twice warroom.webhook.timeout");
    }
    return new WebhookSettings(
        endpoints,
        endpoints.isEmpty() ? null : SigningKey.parse("WARROOM_WEBHOOK_SECRET", secret),
        source,
        SettingParser.duration("warroom.webhook.retry-for", retryFor),
        SettingParser.duration("warroom.webhook.first-backoff", firstBackoff),
        SettingParser.duration("warroom.webhook.max-backoff", maxBackoff),
        send,
        held,
        SettingParser.duration("warroom.webhook.sweep", sweep));
  }

  /** Comma-separated http(s) URLs; each one checked, the first bad one named. */
  static List<URI> endpoints(String raw) {
    String value = SettingParser.blankToNull(raw);
    List<URI> list = new ArrayList<>();
    if (value == null) {
      return list;
    }
    for (String part : value.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      URI uri = url("WARROOM_WEBHOOK_URLS", p);
      if (list.contains(uri)) {
        throw new StartupProblem("WARROOM_WEBHOOK_URLS: " + WebhookSettings.shown(uri) + " twice");
      }
      list.add(uri);
    }
    return List.copyOf(list);
  }

  /** An absolute http or https URL; the message shows no path or query (they may hold a token). */
  static URI url(String env, String raw) {
    String value = raw == null ? "" : raw.trim();
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      String scheme = value.contains("://") ? value.substring(0, value.indexOf("://")) : "";
      throw new StartupProblem(
          env
              + ": an entry is not an absolute http(s) URL"
              + (scheme.isEmpty() ? "" : " (scheme '" + scheme + "')")
              + "; write e.g. https://hooks.example.com/warroom");
    }
    return uri;
  }
}
