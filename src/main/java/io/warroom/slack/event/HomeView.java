package io.warroom.slack.event;

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
import io.warroom.heartbeat.Heartbeats;
import io.warroom.incident.Incident;
import io.warroom.slack.IncidentLines;
import io.warroom.slack.SlackIds;
import io.warroom.warroom.WarRooms;
import java.util.ArrayList;
import java.util.List;

/** App Home, drawn from the open incidents for one viewer. */
final class HomeView {

  /** Home tabs hold 100 blocks; each incident is one. */
  static final int MAX_LISTED = 80;

  private HomeView() {}

  /** {@code notice}, when given, is mrkdwn shown above everything else (a failure to explain). */
  static View render(
      List<Incident> open,
      WarRooms rooms,
      Heartbeats heartbeats,
      String viewer,
      @Nullable String notice) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(HeaderBlock.builder().text(plain("Warroom")).build());
    if (notice != null) {
      blocks.add(section(":warning: " + notice));
    }
    blocks.add(
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
    blocks.add(DividerBlock.builder().build());
    if (open.isEmpty()) {
      blocks.add(section(":white_check_mark: No open incidents."));
    } else {
      blocks.add(section("*Open incidents (" + open.size() + ")*"));
      for (Incident incident : open.subList(0, Math.min(MAX_LISTED, open.size()))) {
        blocks.add(
            section(
                IncidentLines.line(
                    incident,
                    rooms.channelOf(incident.id()),
                    heartbeats.nextDue(incident.id()),
                    viewer)));
      }
    }
    blocks.add(
        section(
            "*In a war room, share hypotheses instead of chasing them alone*\n"
                + "`/incident hypothesis <text>` puts one on the board (H1, H2, …), or pick"
                + " *Track as hypothesis* on any message; press *I'll check* on the board before"
                + " you start. `/incident hypotheses` lists them; `/incident confirm Hn [note]` and"
                + " `/incident ruleout Hn [note]` settle one."));
    blocks.add(
        ContextBlock.builder()
            .elements(
                List.of(
                    MarkdownTextObject.builder()
                        .text(
                            "In a war room: `/incident handoff @user` hands command over with a"
                                + " note they accept; `/incident decision &lt;text&gt;` records a"
                                + " decision.")
                        .build()))
            .build());
    blocks.add(
        ContextBlock.builder()
            .elements(
                List.of(
                    MarkdownTextObject.builder()
                        .text("Type `/incident help` anywhere for every command.")
                        .build()))
            .build());
    return View.builder().type("home").blocks(blocks).build();
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }
}
