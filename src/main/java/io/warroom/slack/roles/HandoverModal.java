package io.warroom.slack.roles;

import static io.warroom.slack.ModalParts.entered;
import static io.warroom.slack.ModalParts.input;
import static io.warroom.slack.ModalParts.plain;
import static io.warroom.slack.SlackIds.HANDOVER_NEXT;
import static io.warroom.slack.SlackIds.HANDOVER_STATE;
import static io.warroom.slack.SlackIds.HANDOVER_TRIED;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.warroom.chat.Mrkdwn;
import io.warroom.handover.Handovers;
import io.warroom.incident.HandoverNote;
import io.warroom.slack.SlackIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Handover modal: where things stand, what is being tried (pre-filled), next steps. The
 * incident and the person taking over travel in the private metadata.
 */
public final class HandoverModal {

  /** What was submitted, or what is wrong with it, by block id. */
  public record Reading(HandoverNote note, Map<String, String> problems) {}

  /** The incident and the person named, from the private metadata. */
  public record Target(long incidentId, String to) {}

  private HandoverModal() {}

  public static View view(long incidentId, String to, List<String> beingTried) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        SectionBlock.builder()
            .text(
                MarkdownTextObject.builder()
                    .text(
                        "You hand command to "
                            + Mrkdwn.user(to)
                            + ". You stay Incident Commander until they accept.")
                    .build())
            .build());
    blocks.add(
        input(
            HANDOVER_STATE,
            "Current state",
            text(HANDOVER_STATE, "Checkout errors down to 2%; EU cards still failing", null),
            false,
            "Where things stand, for someone who just walked in."));
    String tried = String.join("\n", beingTried);
    blocks.add(
        input(
            HANDOVER_TRIED,
            "What is being tried",
            text(
                HANDOVER_TRIED,
                "Rolling back the 14:02 deploy; checking the card processor's status page",
                tried.isBlank() ? null : Mrkdwn.truncate(tried, Handovers.MAX_FIELD)),
            true,
            "Who is on what. Pre-filled from what the responders recorded."));
    blocks.add(
        input(
            HANDOVER_NEXT,
            "Next steps",
            text(HANDOVER_NEXT, "Decide on failing over to the secondary by 15:00", null),
            true,
            null));
    return View.builder()
        .type("modal")
        .callbackId(SlackIds.HANDOVER_VIEW)
        .privateMetadata(incidentId + ":" + to)
        .title(ViewTitle.builder().type("plain_text").text("Hand over command").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Hand over").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  public static Target target(String privateMetadata) {
    String[] parts = privateMetadata == null ? new String[0] : privateMetadata.split(":", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("not a handover modal's metadata");
    }
    return new Target(Long.parseLong(parts[0]), parts[1]);
  }

  public static Reading read(ViewState state) {
    Map<String, Map<String, ViewState.Value>> values = state.getValues();
    Map<String, String> problems = new LinkedHashMap<>();
    String current = entered(values, HANDOVER_STATE);
    if (current == null || current.isBlank()) {
      problems.put(HANDOVER_STATE, "Say where things stand, even if it is \"unknown yet\".");
    }
    for (String id : List.of(HANDOVER_STATE, HANDOVER_TRIED, HANDOVER_NEXT)) {
      String t = entered(values, id);
      if (t != null && t.strip().length() > Handovers.MAX_FIELD) {
        problems.put(id, "Keep it to " + Handovers.MAX_FIELD + " characters or fewer.");
      }
    }
    return new Reading(
        new HandoverNote(current, entered(values, HANDOVER_TRIED), entered(values, HANDOVER_NEXT)),
        problems);
  }

  private static PlainTextInputElement text(String id, String placeholder, String initial) {
    return PlainTextInputElement.builder()
        .actionId(id)
        .multiline(true)
        .maxLength(Handovers.MAX_FIELD)
        .placeholder(plain(placeholder))
        .initialValue(initial)
        .build();
  }
}
