package io.warroom.warroom;

import io.warroom.chat.ChatAction;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Actions;
import io.warroom.chat.ChatMessage.Block;
import io.warroom.chat.ChatMessage.Button;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Control;
import io.warroom.chat.ChatMessage.Header;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.ChatMessage.Style;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;
import io.warroom.incident.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The pinned incident card, drawn from the incident's state alone. It is redrawn in full whenever
 * the state changes, never patched.
 */
final class CardView {

  private CardView() {}

  static ChatMessage render(Incident incident) {
    List<Block> blocks = new ArrayList<>();
    String title = Mrkdwn.truncate(incident.title(), 140);
    blocks.add(
        new Header(
            (incident.drill() ? "[DRILL] " : "") + incident.severity().label() + " · " + title));
    blocks.add(new Section(statusLine(incident), fields(incident), null));
    if (incident.affected() != null) {
      blocks.add(
          new Section(
              "*Affected:* " + Mrkdwn.escape(Mrkdwn.truncate(incident.affected(), 2500)),
              List.of(),
              null));
    }
    blocks.add(new Context(context(incident)));
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
    return Emoji.of(incident.severity())
        + " *"
        + incident.severity().label()
        + "* · *"
        + incident.status().label()
        + "*";
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

  private static List<String> context(Incident incident) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Declared "
            + Mrkdwn.date(incident.declaredAt(), "{date_short_pretty} at {time}")
            + " ("
            + Mrkdwn.date(incident.declaredAt(), "{ago}")
            + ") by "
            + Mrkdwn.user(incident.declaredBy()));
    if (incident.privateIncident()) {
      lines.add(":lock: Private incident");
    }
    if (incident.drill()) {
      lines.add(":performing_arts: Drill: a rehearsal, not a real outage");
    }
    return lines;
  }

  private static List<Control> controls(Incident incident) {
    List<Control> controls = new ArrayList<>();
    if (!incident.isOpen()) {
      return controls;
    }
    controls.add(
        new Button(
            ChatAction.TAKE_COMMAND,
            "Take command",
            String.valueOf(incident.id()),
            incident.commander() == null ? Style.PRIMARY : Style.DEFAULT,
            null));
    return controls;
  }
}
