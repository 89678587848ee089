package io.warroom.room;

import io.micronaut.core.annotation.Nullable;
import io.warroom.chat.ChatAction;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Actions;
import io.warroom.chat.ChatMessage.Block;
import io.warroom.chat.ChatMessage.Button;
import io.warroom.chat.ChatMessage.Confirm;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Control;
import io.warroom.chat.ChatMessage.Header;
import io.warroom.chat.ChatMessage.Option;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.ChatMessage.Select;
import io.warroom.chat.ChatMessage.Style;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;
import io.warroom.incident.Role;
import io.warroom.incident.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pinned incident card, drawn from the incident's state alone. It is redrawn in full whenever
 * the state changes, never patched.
 */
public final class CardView {

  private CardView() {}

  /**
   * @param nextDue when the next status update is owed; {@code null} when none is
   */
  public static ChatMessage render(Incident incident, @Nullable Instant nextDue) {
    return render(incident, nextDue, List.of(), List.of());
  }

  /**
   * @param extra lines other features add ({@link CardLines}), shown under the roles
   * @param alerts one mrkdwn line per attached alert group (see {@link CardAlerts})
   */
  public static ChatMessage render(
      Incident incident, @Nullable Instant nextDue, List<String> extra, List<String> alerts) {
    List<Block> blocks = new ArrayList<>();
    // Slack's renderer cuts a header to Slack's limit.
    blocks.add(
        new Header(
            (incident.drill() ? "[DRILL] " : "")
                + incident.severity().label()
                + " · "
                + incident.title()));
    blocks.add(new Section(statusLine(incident), fields(incident), null));
    if (!extra.isEmpty()) {
      blocks.add(new Section(String.join("\n", extra), List.of(), null));
    }
    if (incident.affected() != null) {
      blocks.add(
          new Section(
              "*Affected:* " + Mrkdwn.escape(Mrkdwn.truncate(incident.affected(), 2500)),
              List.of(),
              null));
    }
    if (!alerts.isEmpty()) {
      blocks.add(new Section("*Alerts*\n" + String.join("\n", alerts), List.of(), null));
    }
    blocks.add(new Context(context(incident, nextDue)));
    List<Control> controls = controls(incident);
    if (!controls.isEmpty()) {
      blocks.add(new Actions(controls));
    }
    String fallback =
        incident.severity().label()
            + " "
            + incident.status().label()
            + ": "
            + Mrkdwn.escape(incident.title());
    return new ChatMessage(fallback, blocks);
  }

  private static String statusLine(Incident incident) {
    StringBuilder line =
        new StringBuilder(Emoji.of(incident.severity()))
            .append(" *")
            .append(incident.severity().label())
            .append("* · *")
            .append(incident.status().label())
            .append('*');
    if (incident.mitigatedAt() != null) {
      line.append(" · mitigated ")
          .append(Mrkdwn.date(incident.mitigatedAt(), "{date_short_pretty} at {time}"));
    }
    if (incident.resolvedAt() != null) {
      line.append(" · resolved ")
          .append(Mrkdwn.date(incident.resolvedAt(), "{date_short_pretty} at {time}"));
    }
    return line.toString();
  }

  private static List<String> fields(Incident incident) {
    List<String> fields = new ArrayList<>();
    fields.add("*" + Role.COMMANDER.title() + "*\n" + holderOrNobody(incident.commander()));
    for (Role role : List.of(Role.COMMS, Role.SCRIBE, Role.OPS)) {
      fields.add("*" + role.title() + "*\n" + incident.holder(role).map(Mrkdwn::user).orElse("—"));
    }
    return fields;
  }

  private static String holderOrNobody(String userId) {
    return userId == null ? "_nobody yet: press *Take command*_" : Mrkdwn.user(userId);
  }

  private static List<String> context(Incident incident, Instant nextDue) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Declared "
            + Mrkdwn.date(incident.declaredAt(), "{date_short_pretty} at {time}")
            + " ("
            + Mrkdwn.date(incident.declaredAt(), "{ago}")
            + ") by "
            + (incident.declaredByPerson()
                ? Mrkdwn.user(incident.declaredBy())
                : Mrkdwn.escape(incident.declaredBy())));
    if (incident.isOpen() && nextDue != null) {
      lines.add(
          ":hourglass_flowing_sand: Next status update due " + Mrkdwn.date(nextDue, "{time}"));
    }
    if (incident.privateIncident()) {
      lines.add(":lock: Private incident");
    }
    if (incident.drill()) {
      lines.add(":performing_arts: Drill: a rehearsal, not a real outage");
    }
    return lines;
  }

  /**
   * Take command: when someone is IC already, the button names them in its value and asks the
   * presser to confirm a take-over, so a press on a card drawn before the IC changed is caught.
   */
  static Button takeCommand(Incident incident, String id) {
    if (incident.commander() == null) {
      return new Button(ChatAction.TAKE_COMMAND, "Take command", id, Style.PRIMARY, null);
    }
    return new Button(
        ChatAction.TAKE_COMMAND,
        "Take command",
        id + ":" + incident.commander(),
        Style.DEFAULT,
        new Confirm(
            "Take over command?",
            "Someone else is the Incident Commander. Taking over is recorded as a take-over, and"
                + " they are told in the war room.",
            "Take over",
            "Cancel"));
  }

  private static List<Control> controls(Incident incident) {
    List<Control> controls = new ArrayList<>();
    if (!incident.isOpen()) {
      return controls;
    }
    String id = String.valueOf(incident.id());
    controls.add(takeCommand(incident, id));
    controls.add(
        new Button(
            ChatAction.POST_UPDATE,
            "Post update",
            id,
            incident.commander() == null ? Style.DEFAULT : Style.PRIMARY,
            null));
    List<Option> severities = new ArrayList<>();
    for (Severity s : Severity.values()) {
      severities.add(new Option(s.label(), id + ":" + s.name()));
    }
    controls.add(
        new Select(
            ChatAction.CHANGE_SEVERITY,
            "Change severity",
            severities,
            id + ":" + incident.severity().name()));
    if (incident.mitigatedAt() == null) {
      controls.add(
          new Button(
              ChatAction.MITIGATE,
              "Mitigated",
              id,
              Style.DEFAULT,
              new Confirm(
                  "Impact has stopped?",
                  "This records the time to mitigate and tells stakeholders. Keep posting updates"
                      + " until you resolve.",
                  "Mark mitigated",
                  "Cancel")));
    }
    if (!incident.privateIncident()) {
      controls.add(new Button(ChatAction.SHARE, "Share", id, Style.DEFAULT, null));
    }
    controls.add(
        new Button(
            ChatAction.RESOLVE,
            "Resolve",
            id,
            Style.DANGER,
            new Confirm(
                "Resolve this incident?",
                "Reminders stop, stakeholders hear it is over, and the postmortem draft is posted.",
                "Resolve",
                "Cancel")));
    return controls;
  }
}
