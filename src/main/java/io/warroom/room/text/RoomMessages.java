package io.warroom.room.text;

import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.incident.Role;
import io.warroom.room.Emoji;
import java.util.List;

/** The texts the war room posts about the incident itself. */
public final class RoomMessages {

  private RoomMessages() {}

  /** The war-room line for an incident declared from a message: which message, where. */
  public static ChatMessage declaredFrom(String channelId, String permalink) {
    return ChatMessage.of(
        ":speech_balloon: Declared from <"
            + permalink
            + "|a message> in "
            + Mrkdwn.channel(channelId)
            + ".");
  }

  public static ChatMessage explorationThread() {
    String text =
        ":microscope: *Technical exploration thread.* Put hypotheses, findings, logs and graphs in"
            + " the replies to this message. Keep the channel for coordination and decisions, and"
            + " report conclusions to the Incident Commander there.";
    return new ChatMessage(
        "Technical exploration thread",
        List.of(
            new Section(text, List.of(), null),
            new Context(List.of("Pin a finding with :pushpin: to make it a key event."))));
  }

  public static ChatMessage announcement(Incident incident, String channelId) {
    if (incident.privateIncident()) {
      String text = ":lock: A private incident was declared.";
      return ChatMessage.of(text);
    }
    String text =
        Emoji.of(incident.severity())
            + " *"
            + (incident.drill() ? "[DRILL] " : "")
            + incident.severity().label()
            + " declared:* "
            + Mrkdwn.escape(incident.title())
            + "\nWar room: "
            + Mrkdwn.channel(channelId)
            + (incident.commander() == null
                ? ""
                : " · Incident Commander: " + Mrkdwn.user(incident.commander()));
    return new ChatMessage(
        incident.severity().label() + " declared: " + Mrkdwn.escape(incident.title()),
        List.of(new Section(text, List.of(), null)));
  }

  public static ChatMessage roleAssigned(IncidentEvent.RoleAssigned event) {
    String text =
        (event.role() == Role.COMMANDER ? ":large_green_circle: " : ":busts_in_silhouette: ")
            + Mrkdwn.user(event.assignee())
            + " is now the "
            + event.role().title()
            + (event.previous() == null ? "" : " (was " + Mrkdwn.user(event.previous()) + ")")
            + (event.actor().equals(event.assignee())
                ? "."
                : ", assigned by " + Mrkdwn.user(event.actor()) + ".");
    return ChatMessage.of(text);
  }

  public static ChatMessage note(IncidentEvent.NoteAdded note) {
    return new ChatMessage(
        "Note: " + Mrkdwn.escape(Mrkdwn.truncate(note.text(), 200)),
        List.of(
            new Section(":memo: *Key event noted:* " + Mrkdwn.escape(note.text()), List.of(), null),
            new Context(List.of("by " + Mrkdwn.user(note.actor()) + " · in the timeline"))));
  }
}
