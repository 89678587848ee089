package io.warroom.slack.alerts;

import static io.warroom.slack.ModalParts.input;
import static io.warroom.slack.ModalParts.plain;
import static io.warroom.slack.ModalParts.value;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;
import io.warroom.slack.SlackIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** "Attach to incident": one select of the open incidents (Slack shows up to 100). */
public final class AlertAttachModal {

  private AlertAttachModal() {}

  public static View view(long groupId, List<Incident> open) {
    List<OptionObject> options = new ArrayList<>();
    for (Incident i : open.subList(0, Math.min(open.size(), 100))) {
      String label = Mrkdwn.truncate(i.severity().label() + " #" + i.id() + " " + i.title(), 75);
      options.add(OptionObject.builder().text(plain(label)).value(Long.toString(i.id())).build());
    }
    List<LayoutBlock> blocks =
        List.of(
            input(
                SlackIds.ALERT_ATTACH_INCIDENT,
                "Incident",
                StaticSelectElement.builder()
                    .actionId(SlackIds.ALERT_ATTACH_INCIDENT)
                    .placeholder(plain("Pick an open incident"))
                    .options(options)
                    .build(),
                false,
                "The alert's later notifications go to that incident's war room."));
    return View.builder()
        .type("modal")
        .callbackId(SlackIds.ALERT_ATTACH_VIEW)
        .privateMetadata(Long.toString(groupId))
        .title(ViewTitle.builder().type("plain_text").text("Attach the alert").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Attach").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  /** The picked incident's id, or null. */
  static Long picked(ViewState state) {
    Map<String, Map<String, ViewState.Value>> values = state.getValues();
    ViewState.Value v = value(values, SlackIds.ALERT_ATTACH_INCIDENT);
    if (v == null || v.getSelectedOption() == null) {
      return null;
    }
    try {
      return Long.parseLong(v.getSelectedOption().getValue());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
