package io.warroom.triage;

import io.micronaut.core.annotation.Nullable;
import io.warroom.alert.Alert;
import io.warroom.alert.AlertSource;
import io.warroom.chat.ChatAction;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.Mrkdwn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The triage card of an alert group, a pure function of its stored state. Everything the source
 * sent (summary, labels, URLs) is escaped, so a label such as {@code <!channel>} or {@code *bold*}
 * neither pings nor formats; a group of 10,000 alerts shows its counts, not its alerts.
 */
public final class AlertCardView {

  /** Labels shown first, when the group's alerts share them. */
  static final List<String> KEY_LABELS =
      List.of(
          "service",
          "alertname",
          "severity",
          "team",
          "env",
          "cluster",
          "namespace",
          "job",
          "instance");

  static final int MAX_LABELS = 10;

  /** The incident a group belongs to, as the card names it. */
  public record IncidentRef(long id, String title, @Nullable String channelId) {}

  private AlertCardView() {}

  public static ChatMessage render(
      TriagedGroup g, List<Alert> alerts, @Nullable IncidentRef incident) {
    String source = source(g.source());
    String state = g.firing() ? "FIRING" : "RESOLVED";
    String emoji = g.firing() ? ":rotating_light:" : ":white_check_mark:";
    List<ChatMessage.Block> blocks = new ArrayList<>();
    blocks.add(new ChatMessage.Header(Mrkdwn.truncate(state + ": " + plain(g.summary()), 150)));
    List<String> fields = new ArrayList<>();
    fields.add("*Severity*\n" + g.sev().label());
    fields.add("*Source*\n" + source);
    fields.add(
        "*Firing*\n"
            + g.firingCount()
            + " of "
            + g.alertCount()
            + (g.alertCount() == 1 ? " alert" : " alerts"));
    if (g.startedAt() != null) {
      fields.add("*Since*\n" + Mrkdwn.date(g.startedAt(), "{date_short_pretty} {time}"));
    }
    // The summary is shown only as plain text (the header): mrkdwn in it stays literal.
    blocks.add(
        new ChatMessage.Section(emoji + " *" + state + "* alert from " + source, fields, null));
    String labels = labels(alerts);
    if (!labels.isEmpty()) {
      blocks.add(new ChatMessage.Context(List.of(labels)));
    }
    String links = links(g, alerts);
    if (!links.isEmpty()) {
      blocks.add(new ChatMessage.Section(links, List.of(), null));
    }
    String outcome = outcome(g, incident);
    if (!outcome.isEmpty()) {
      blocks.add(new ChatMessage.Context(List.of(outcome)));
    }
    if (g.incidentId() == null && g.noiseBy() == null) {
      String id = Long.toString(g.id());
      blocks.add(
          new ChatMessage.Actions(
              List.of(
                  new ChatMessage.Button(
                      ChatAction.ALERT_DECLARE,
                      "Declare incident",
                      id,
                      ChatMessage.Style.PRIMARY,
                      null),
                  new ChatMessage.Button(
                      ChatAction.ALERT_ATTACH,
                      "Attach to incident",
                      id,
                      ChatMessage.Style.DEFAULT,
                      null),
                  new ChatMessage.Button(
                      ChatAction.ALERT_NOISE, "Noise", id, ChatMessage.Style.DEFAULT, null))));
    }
    String text =
        emoji
            + " "
            + state
            + " "
            + g.sev().label()
            + " alert from "
            + source
            + ": "
            + escape(Mrkdwn.truncate(g.summary(), 200));
    return new ChatMessage(text, blocks);
  }

  /** What was done with the group, and whether it resolved. */
  static String outcome(TriagedGroup g, @Nullable IncidentRef incident) {
    List<String> parts = new ArrayList<>();
    if (g.incidentId() != null) {
      String which = incident == null ? "incident " + g.incidentId() : name(incident);
      String at = g.attachedAt() == null ? "" : " " + Mrkdwn.date(g.attachedAt(), "{ago}");
      parts.add(
          switch (g.attachKind() == null ? "" : g.attachKind()) {
            case TriagedGroup.AUTO ->
                ":fire: Declared " + which + " automatically (" + source(g.source()) + ")" + at;
            case TriagedGroup.DECLARED ->
                ":fire: " + who(g.attachedBy()) + " declared " + which + at;
            default -> ":link: " + who(g.attachedBy()) + " attached it to " + which + at;
          });
    }
    if (g.noiseBy() != null) {
      parts.add(
          ":mute: Judged noise by "
              + who(g.noiseBy())
              + (g.noiseAt() == null ? "" : " " + Mrkdwn.date(g.noiseAt(), "{date_short} {time}")));
    }
    if (!g.firing()) {
      parts.add(":white_check_mark: Resolved " + Mrkdwn.date(g.updatedAt(), "{date_short} {time}"));
    }
    return String.join("\n", parts);
  }

  private static String name(IncidentRef incident) {
    String title = "incident " + incident.id() + " (" + Mrkdwn.escape(incident.title()) + ")";
    return incident.channelId() == null
        ? title
        : title + " in " + Mrkdwn.channel(incident.channelId());
  }

  private static String who(@Nullable String by) {
    if (by == null) {
      return "someone";
    }
    return by.matches("[UW][A-Z0-9]{2,}") ? Mrkdwn.user(by) : Mrkdwn.escape(by);
  }

  public static String source(String key) {
    try {
      return AlertSource.valueOf(key.toUpperCase(Locale.ROOT)).displayName();
    } catch (IllegalArgumentException unknown) {
      return Mrkdwn.escape(key);
    }
  }

  /**
   * The labels every alert of the group shares, key labels first, each shown as code so that mrkdwn
   * inside it stays literal.
   */
  static String labels(List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return "";
    }
    Map<String, String> common = new LinkedHashMap<>(alerts.get(0).labels());
    for (Alert a : alerts) {
      common.entrySet().removeIf(e -> !e.getValue().equals(a.labels().get(e.getKey())));
      if (common.isEmpty()) {
        break;
      }
    }
    List<String> keys = new ArrayList<>();
    KEY_LABELS.stream().filter(common::containsKey).forEach(keys::add);
    common.keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(keys::add);
    List<String> shown = new ArrayList<>();
    for (String k : keys.subList(0, Math.min(keys.size(), MAX_LABELS))) {
      shown.add(code(k + "=" + common.get(k)));
    }
    if (keys.size() > MAX_LABELS) {
      shown.add("+" + (keys.size() - MAX_LABELS) + " more");
    }
    return String.join("  ", shown);
  }

  static String links(TriagedGroup g, List<Alert> alerts) {
    Optional<Alert> first =
        alerts.stream().filter(Alert::firing).findFirst().or(() -> alerts.stream().findFirst());
    List<String> out = new ArrayList<>();
    link(g.generatorUrl(), "Source").ifPresent(out::add);
    link(g.runbookUrl(), "Runbook").ifPresent(out::add);
    first.flatMap(a -> link(a.dashboardURL(), "Dashboard")).ifPresent(out::add);
    first.flatMap(a -> link(a.silenceURL(), "Silence")).ifPresent(out::add);
    return String.join(" · ", out);
  }

  /** A link, only to http(s), with the characters that would end Slack's link syntax escaped. */
  public static Optional<String> link(@Nullable String url, String label) {
    if (url == null) {
      return Optional.empty();
    }
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://") || lower.startsWith("http://")) || u.length() > 2000) {
      return Optional.empty();
    }
    String safe =
        u.replace("&", "&amp;")
            .replace("<", "%3C")
            .replace(">", "%3E")
            .replace("|", "%7C")
            .replace(" ", "%20");
    return Optional.of("<" + safe + "|" + label + ">");
  }

  /** Inline code: mrkdwn inside stays literal; a backtick cannot close it early. */
  static String code(String text) {
    return "`" + Mrkdwn.escape(Mrkdwn.truncate(text, 120)).replace('`', '\u02CB') + "`";
  }

  /**
   * Escaped, with the characters that start mrkdwn formatting replaced by look-alikes: for the
   * notification text, which has no plain-text form.
   */
  public static String escape(String text) {
    return Mrkdwn.escape(text)
        .replace("*", "\u2217")
        .replace("_", "\uFF3F")
        .replace("~", "\u223C")
        .replace("`", "\u02CB");
  }

  private static String plain(String text) {
    return text.replace('\n', ' ');
  }
}
