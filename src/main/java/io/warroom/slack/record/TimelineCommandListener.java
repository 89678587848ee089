package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.warroom.chat.Mrkdwn;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /incident timeline}: the key events so far, privately, in UTC with dates. A long incident
 * shows its latest key events within Slack's limits and says how many more there are and where.
 */
@Singleton
class TimelineCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel("timeline", "timeline", "the key events so far, in UTC");

  /** Lines shown at most; each section holds a few, well under Slack's 3,000 characters. */
  static final int MAX_SHOWN = 60;

  private static final int LINES_PER_SECTION = 10;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final Timeline timeline;

  TimelineCommandListener(Timeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    List<TimelineEntry> key = timeline.keyEvents(incidentId);
    int hidden = Math.max(0, key.size() - MAX_SHOWN);
    List<TimelineEntry> shown = key.subList(hidden, key.size());
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section("*Key events (" + key.size() + "), times in UTC*"));
    if (hidden > 0) {
      blocks.add(
          section(
              "_"
                  + hidden
                  + " earlier key events are not shown here. The whole timeline: `GET"
                  + " /api/incidents/"
                  + incidentId
                  + "/timeline` (JSON or CSV), and the postmortem draft once resolved._"));
    }
    StringBuilder lines = new StringBuilder();
    int inSection = 0;
    for (TimelineEntry e : shown) {
      lines.append(line(e)).append('\n');
      if (++inSection == LINES_PER_SECTION) {
        blocks.add(section(lines.toString()));
        lines.setLength(0);
        inSection = 0;
      }
    }
    if (lines.length() > 0) {
      blocks.add(section(lines.toString()));
    }
    if (key.isEmpty()) {
      blocks.add(
          section("_Nothing yet. Pin a message with :pushpin: or type `/incident note …`._"));
    }
    String fallback = "Key events (" + key.size() + ")";
    return ctx.ack(r -> r.responseType("ephemeral").text(fallback).blocks(blocks));
  }

  static String line(TimelineEntry e) {
    String text = Mrkdwn.truncateFormatted(Mrkdwn.defuse(e.text() == null ? "" : e.text()), 180);
    String what =
        switch (e.kind()) {
          case MESSAGE ->
              ":pushpin: "
                  + (e.actor() == null ? "" : Mrkdwn.user(e.actor()) + ": ")
                  + "“"
                  + text
                  + "”";
          case NOTE -> ":memo: " + text + " (" + Mrkdwn.user(e.actor()) + ")";
          default -> label(e.kind()) + text;
        };
    return "`" + UTC.format(e.at()) + "` " + what;
  }

  private static String label(EntryKind kind) {
    return switch (kind) {
      case DECLARED -> ":rotating_light: ";
      case ROLE_ASSIGNED -> ":busts_in_silhouette: ";
      case SEVERITY_CHANGED -> ":arrow_up_down: ";
      case STATUS_UPDATE -> ":loudspeaker: ";
      case MITIGATED -> ":adhesive_bandage: ";
      case RESOLVED -> ":white_check_mark: ";
      case REOPENED -> ":leftwards_arrow_with_hook: ";
      case ALERT_FIRED -> ":rotating_light: ";
      case ALERT_RESOLVED -> ":white_check_mark: ";
      default -> "";
    };
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
  }
}
