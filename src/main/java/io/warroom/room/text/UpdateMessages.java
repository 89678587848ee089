package io.warroom.room.text;

import io.warroom.chat.ChatAction;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Actions;
import io.warroom.chat.ChatMessage.Block;
import io.warroom.chat.ChatMessage.Button;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.ChatMessage.Style;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.Role;
import io.warroom.incident.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Status updates in the one fixed template, and the reminders that ask for them. */
public final class UpdateMessages {

  private UpdateMessages() {}

  /** The update as posted in the war room. */
  public static ChatMessage inRoom(IncidentEvent.StatusUpdated u, Instant nextDue) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Section(
            ":loudspeaker: *Status update* · *"
                + u.incident().severity().label()
                + "* · *"
                + u.incident().status().label()
                + "*",
            List.of(),
            null));
    blocks.addAll(body(u.update(), nextDue));
    blocks.add(new Context(List.of("Posted by " + Mrkdwn.user(u.actor()))));
    return new ChatMessage("Status update: " + u.incident().status().label(), blocks);
  }

  /** The same update for stakeholders in the announce channel; nothing of a private incident. */
  public static ChatMessage mirror(
      IncidentEvent.StatusUpdated u, Instant nextDue, String roomChannel) {
    Incident i = u.incident();
    if (i.privateIncident()) {
      return ChatMessage.of(":lock: A private incident posted a status update.");
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Section(
            ":loudspeaker: *"
                + (i.drill() ? "[DRILL] " : "")
                + i.severity().label()
                + " · "
                + Mrkdwn.escape(Mrkdwn.truncate(i.title(), 150))
                + "* · *"
                + i.status().label()
                + "* · "
                + Mrkdwn.channel(roomChannel),
            List.of(),
            null));
    blocks.addAll(body(u.update(), nextDue));
    return new ChatMessage(
        i.severity().label() + " " + i.status().label() + ": " + Mrkdwn.escape(i.title()), blocks);
  }

  private static List<Block> body(StatusUpdate update, Instant nextDue) {
    List<Block> blocks = new ArrayList<>();
    line(blocks, "Impact", update.impact());
    line(blocks, "Actions taken", update.actionsTaken());
    line(blocks, "Next steps", update.nextSteps());
    blocks.add(
        new Section(
            "*Next update:* "
                + (nextDue == null
                    ? "when there is news"
                    : "by " + Mrkdwn.date(nextDue, "{date_short_pretty} at {time}")),
            List.of(),
            null));
    return blocks;
  }

  private static void line(List<Block> blocks, String label, String text) {
    if (text != null) {
      blocks.add(new Section("*" + label + ":* " + Mrkdwn.escape(text), List.of(), null));
    }
  }

  /**
   * The reminder: the comms lead (the IC when there is none) is asked; from the second missed
   * update the IC is asked too.
   */
  public static ChatMessage reminder(IncidentEvent.UpdateReminderDue r) {
    Incident i = r.incident();
    Set<String> asked = new LinkedHashSet<>();
    i.holder(Role.COMMS).or(() -> i.holder(Role.COMMANDER)).ifPresent(asked::add);
    if (r.missed() >= 2) {
      i.holder(Role.COMMANDER).ifPresent(asked::add);
    }
    if (asked.isEmpty() && i.declaredByPerson()) {
      asked.add(i.declaredBy());
    }
    StringBuilder who = new StringBuilder();
    asked.forEach(u -> who.append(Mrkdwn.user(u)).append(' '));
    String head =
        r.missed() >= 2
            ? ":rotating_light: *" + r.missed() + " status updates missed.* "
            : ":bell: *A status update is due.* ";
    String text =
        head
            + who
            + "stakeholders last heard from us "
            + Mrkdwn.date(r.lastUpdateAt(), "{ago}")
            + ". Post an update now, even if there is no news yet."
            + (i.holder(Role.COMMS).isEmpty()
                ? " (Nobody is the comms lead: `/incident role comms @someone`.)"
                : "");
    return new ChatMessage(
        "Status update due",
        List.of(
            new Section(text, List.of(), null),
            new Actions(
                List.of(
                    new Button(
                        ChatAction.POST_UPDATE,
                        "Post update",
                        String.valueOf(i.id()),
                        Style.PRIMARY,
                        null)))));
  }
}
