package io.warroom.slack.home;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import io.micronaut.core.annotation.Nullable;
import io.warroom.chat.ChatAction;
import io.warroom.chat.Mrkdwn;
import io.warroom.heartbeat.Heartbeats;
import io.warroom.home.Durations;
import io.warroom.home.HomeBoard;
import io.warroom.home.PersonalHome;
import io.warroom.incident.ActionItem;
import io.warroom.incident.Incident;
import io.warroom.incident.Task;
import io.warroom.room.WarRooms;
import io.warroom.slack.IncidentLines;
import io.warroom.slack.SlackIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One person's App Home: their roles, tasks and action items (with Done buttons), the open
 * incidents, the recently resolved ones and the last 30 days in figures. A Home tab holds at most
 * {@link #MAX_BLOCKS} blocks: each list is capped and says how many it does not show.
 */
final class HomeView {

  /** Slack's limit for a Home tab. */
  static final int MAX_BLOCKS = 100;

  static final int MAX_ROLES = 10;
  static final int MAX_RECENT = 10;

  private HomeView() {}

  /** {@code notice}, when given, is mrkdwn shown above everything else (a failure to explain). */
  static View render(
      PersonalHome home, WarRooms rooms, Heartbeats heartbeats, @Nullable String notice) {
    String viewer = home.viewer();
    List<LayoutBlock> top = new ArrayList<>();
    top.add(HeaderBlock.builder().text(plain("Warroom")).build());
    if (notice != null) {
      top.add(section(":warning: " + notice));
    }
    top.add(
        ActionsBlock.builder()
            .elements(
                List.of(
                    ButtonElement.builder()
                        .actionId(SlackIds.actionId(ChatAction.DECLARE))
                        .text(plain("Declare an incident"))
                        .style("danger")
                        .value("declare")
                        .build()))
            .build());
    for (String line : home.figures()) {
      top.add(context(Mrkdwn.escape(line)));
    }
    top.add(DividerBlock.builder().build());

    List<LayoutBlock> mine = new ArrayList<>();
    if (!home.roles().isEmpty()) {
      mine.add(section("*Your roles (" + home.roles().size() + ")*"));
      var shown = home.roles().subList(0, Math.min(MAX_ROLES, home.roles().size()));
      for (PersonalHome.RoleHeld held : shown) {
        Incident incident = held.incident();
        mine.add(
            section(
                "• *"
                    + held.role().title()
                    + "* of "
                    + title(incident, viewer)
                    + rooms
                        .channelOf(incident.id())
                        .map(c -> " · " + Mrkdwn.channel(c))
                        .orElse("")));
      }
      more(mine, home.roles().size() - shown.size(), false);
    }
    if (!home.tasks().isEmpty()) {
      mine.add(section("*Your open tasks*"));
      for (Task task : home.tasks()) {
        mine.add(
            withButton(
                "• "
                    + Mrkdwn.escape(Mrkdwn.truncate(task.text(), 200))
                    + rooms
                        .channelOf(task.incidentId())
                        .map(c -> " · " + Mrkdwn.channel(c))
                        .orElse(""),
                ChatAction.TASK_DONE,
                task.id()));
      }
      more(mine, home.moreTasks() ? 1 : 0, true);
    }
    if (!home.actionItems().isEmpty()) {
      mine.add(section("*Your open action items*"));
      for (ActionItem item : home.actionItems()) {
        mine.add(
            withButton(
                "• "
                    + Mrkdwn.escape(Mrkdwn.truncate(item.text(), 200))
                    + " · incident #"
                    + item.incidentId(),
                ChatAction.ACTION_DONE,
                item.id()));
      }
      more(mine, home.moreActionItems() ? 1 : 0, true);
    }

    List<LayoutBlock> recent = new ArrayList<>();
    if (!home.resolved().isEmpty()) {
      recent.add(section("*Resolved in the last 14 days (" + home.resolved().size() + ")*"));
      var shown = home.resolved().subList(0, Math.min(MAX_RECENT, home.resolved().size()));
      for (Incident incident : shown) {
        recent.add(section(resolvedLine(incident, viewer)));
      }
      more(recent, home.resolved().size() - shown.size(), false);
    }

    List<LayoutBlock> bottom = footer();

    // The open incidents get whatever room is left, keeping one block to say how many are hidden.
    int room = MAX_BLOCKS - top.size() - mine.size() - recent.size() - bottom.size() - 2;
    List<LayoutBlock> open = new ArrayList<>();
    if (home.open().isEmpty()) {
      open.add(section(":white_check_mark: No open incidents."));
    } else {
      open.add(section("*Open incidents (" + home.open().size() + ")*"));
      int listed = Math.max(0, Math.min(room, home.open().size()));
      for (Incident incident : home.open().subList(0, listed)) {
        open.add(
            section(
                IncidentLines.line(
                    incident,
                    rooms.channelOf(incident.id()),
                    heartbeats.nextDue(incident.id()),
                    viewer)));
      }
      more(open, home.open().size() - listed, false);
    }

    List<LayoutBlock> blocks = new ArrayList<>(top);
    blocks.addAll(mine);
    blocks.addAll(open);
    blocks.addAll(recent);
    blocks.addAll(bottom);
    return View.builder().type("home").blocks(blocks).build();
  }

  private static String title(Incident incident, String viewer) {
    if (incident.privateIncident() && !HomeBoard.people(incident).contains(viewer)) {
      return ":lock: a private incident";
    }
    return "*" + Mrkdwn.escape(Mrkdwn.truncate(incident.title(), 80)) + "*";
  }

  static String resolvedLine(Incident incident, String viewer) {
    String line = "• *" + incident.severity().label() + "* · " + title(incident, viewer);
    if (incident.drill()) {
      line += " · _drill_";
    }
    line += " · resolved " + Mrkdwn.date(incident.resolvedAt(), "{ago}");
    line +=
        " · took "
            + Durations.human(Duration.between(incident.declaredAt(), incident.resolvedAt()));
    if (incident.mitigatedAt() != null) {
      line +=
          " (mitigated after "
              + Durations.human(Duration.between(incident.declaredAt(), incident.mitigatedAt()))
              + ")";
    }
    return line;
  }

  /** A line saying how many are not shown; {@code unknown} when only "more" is known. */
  private static void more(List<LayoutBlock> blocks, int hidden, boolean unknown) {
    if (hidden > 0) {
      blocks.add(
          context(
              unknown
                  ? "More not shown here: `/incident tasks` and `/incident actions` list them all."
                  : hidden + " more not shown. `/incident list` lists them all."));
    }
  }

  private static List<LayoutBlock> footer() {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(DividerBlock.builder().build());
    blocks.add(
        section(
            "*In a war room, share hypotheses instead of chasing them alone*\n"
                + "`/incident hypothesis <text>` puts one on the board (H1, H2, …), or pick"
                + " *Track as hypothesis* on any message; press *I'll check* on the board before"
                + " you start. `/incident hypotheses` lists them; `/incident confirm Hn [note]` and"
                + " `/incident ruleout Hn [note]` settle one."));
    blocks.add(
        context(
            "In a war room: `/incident handoff @user` hands command over with a"
                + " note they accept; `/incident decision &lt;text&gt;` records a"
                + " decision."));
    blocks.add(context("Type `/incident help` anywhere for every command."));
    return blocks;
  }

  private static SectionBlock withButton(String mrkdwn, ChatAction action, Long id) {
    return SectionBlock.builder()
        .text(MarkdownTextObject.builder().text(mrkdwn).build())
        .accessory(
            ButtonElement.builder()
                .actionId(SlackIds.actionId(action))
                .text(plain("Done"))
                .style("primary")
                .value(String.valueOf(id))
                .build())
        .build();
  }

  private static ContextBlock context(String mrkdwn) {
    return ContextBlock.builder()
        .elements(List.of(MarkdownTextObject.builder().text(mrkdwn).build()))
        .build();
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }
}
