package io.warroom.slack.status;

import static io.warroom.slack.ModalParts.entered;
import static io.warroom.slack.ModalParts.input;
import static io.warroom.slack.ModalParts.plain;
import static io.warroom.slack.ModalParts.value;
import static io.warroom.slack.SlackIds.UPDATE_ACTIONS;
import static io.warroom.slack.SlackIds.UPDATE_IMPACT;
import static io.warroom.slack.SlackIds.UPDATE_NEXT_IN;
import static io.warroom.slack.SlackIds.UPDATE_NEXT_STEPS;
import static io.warroom.slack.SlackIds.UPDATE_STATUS;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentRules;
import io.warroom.incident.Status;
import io.warroom.incident.StatusUpdate;
import io.warroom.slack.SlackIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Status Update modal: status, impact (who is affected, what is degraded), actions taken, next
 * steps, and when the next update comes.
 */
public final class StatusUpdateModal {

  /** What was submitted, or what is wrong with it, by block id. */
  public record Reading(StatusUpdate update, Map<String, String> problems) {}

  private StatusUpdateModal() {}

  public static View view(Incident incident, Duration cadence) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<OptionObject> statuses = new ArrayList<>();
    OptionObject initial = null;
    for (Status s : List.of(Status.INVESTIGATING, Status.IDENTIFIED, Status.MONITORING)) {
      OptionObject o = OptionObject.builder().text(plain(s.label())).value(s.name()).build();
      statuses.add(o);
      if (s == incident.status()) {
        initial = o;
      }
    }
    blocks.add(
        input(
            UPDATE_STATUS,
            "Status",
            StaticSelectElement.builder()
                .actionId(UPDATE_STATUS)
                .options(statuses)
                .initialOption(initial)
                .build(),
            false,
            null));
    blocks.add(
        input(
            UPDATE_IMPACT,
            "Impact",
            text(
                UPDATE_IMPACT,
                "Who is affected, what is degraded: EU customers cannot pay by card"),
            false,
            "In business terms, for people outside engineering."));
    blocks.add(
        input(
            UPDATE_ACTIONS,
            "Actions taken",
            text(UPDATE_ACTIONS, "Rolled back the 14:02 deploy"),
            true,
            null));
    blocks.add(
        input(
            UPDATE_NEXT_STEPS,
            "Next steps",
            text(UPDATE_NEXT_STEPS, "Watch error rates for 15 minutes"),
            true,
            null));
    blocks.add(
        input(
            UPDATE_NEXT_IN,
            "Next update in (minutes)",
            NumberInputElement.builder()
                .actionId(UPDATE_NEXT_IN)
                .decimalAllowed(false)
                .minValue("1")
                .maxValue("1440")
                .initialValue(String.valueOf(Math.max(1, cadence.toMinutes())))
                .build(),
            false,
            "A promise to stakeholders; Warroom reminds you when it comes due."));
    return View.builder()
        .type("modal")
        .callbackId(SlackIds.UPDATE_VIEW)
        .privateMetadata(String.valueOf(incident.id()))
        .title(ViewTitle.builder().type("plain_text").text("Status update").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Post update").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  public static Reading read(ViewState state) {
    Map<String, Map<String, ViewState.Value>> values = state.getValues();
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    ViewState.Value status = value(values, UPDATE_STATUS);
    Status reported =
        status == null || status.getSelectedOption() == null
            ? null
            : Status.parseReported(status.getSelectedOption().getValue()).orElse(null);
    String impact = entered(values, UPDATE_IMPACT);
    if (impact == null || impact.isBlank()) {
      problems.put(
          UPDATE_IMPACT,
          "Say who is affected and what is degraded, even if it is \"unknown yet\".");
    }
    for (String id : List.of(UPDATE_IMPACT, UPDATE_ACTIONS, UPDATE_NEXT_STEPS)) {
      String t = entered(values, id);
      if (t != null && t.strip().length() > IncidentRules.MAX_TEXT) {
        problems.put(id, "Keep it to " + IncidentRules.MAX_TEXT + " characters or fewer.");
      }
    }
    Duration nextIn = null;
    String minutes = entered(values, UPDATE_NEXT_IN);
    try {
      long m = Long.parseLong(minutes == null ? "" : minutes.trim());
      if (m < 1 || m > 1440) {
        problems.put(UPDATE_NEXT_IN, "Between 1 and 1440 minutes (24 hours).");
      } else {
        nextIn = Duration.ofMinutes(m);
      }
    } catch (NumberFormatException e) {
      problems.put(UPDATE_NEXT_IN, "A whole number of minutes, 1 to 1440.");
    }
    return new Reading(
        new StatusUpdate(
            reported,
            impact,
            entered(values, UPDATE_ACTIONS),
            entered(values, UPDATE_NEXT_STEPS),
            nextIn),
        problems);
  }

  private static PlainTextInputElement text(String id, String placeholder) {
    return PlainTextInputElement.builder()
        .actionId(id)
        .multiline(true)
        .maxLength(IncidentRules.MAX_TEXT)
        .placeholder(plain(placeholder))
        .build();
  }
}
