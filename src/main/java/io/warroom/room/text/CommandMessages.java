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
import io.warroom.incident.HandoverNote;
import io.warroom.incident.IncidentEvent;
import java.util.ArrayList;
import java.util.List;

/** What the war room says when command changes hands, a decision is made, or no one commands. */
public final class CommandMessages {

  private CommandMessages() {}

  /** The name under which a handover note is posted, so that its outcome can redraw it. */
  public static String ref(long handoverId) {
    return "handover:" + handoverId;
  }

  public static ChatMessage offered(IncidentEvent.HandoverOffered e) {
    List<Block> blocks = note(e.from(), e.to(), e.note());
    blocks.add(
        new Context(
            List.of(
                Mrkdwn.user(e.from())
                    + " stays Incident Commander until "
                    + Mrkdwn.user(e.to())
                    + " presses *Accept command*.")));
    blocks.add(
        new Actions(
            List.of(
                new Button(
                    ChatAction.ACCEPT_COMMAND,
                    "Accept command",
                    String.valueOf(e.handoverId()),
                    Style.PRIMARY,
                    null))));
    return new ChatMessage(
        "Handover of command to " + Mrkdwn.user(e.to()) + ": please accept", blocks);
  }

  public static ChatMessage accepted(IncidentEvent.CommandChanged e) {
    List<Block> blocks = note(e.from(), e.to(), e.note());
    blocks.add(
        new Context(
            List.of(
                ":white_check_mark: Accepted by "
                    + Mrkdwn.user(e.to())
                    + " "
                    + Mrkdwn.date(e.at(), "{date_short_pretty} at {time}"))));
    return new ChatMessage("Handover accepted by " + Mrkdwn.user(e.to()), blocks);
  }

  public static ChatMessage withdrawn(IncidentEvent.HandoverWithdrawn e) {
    List<Block> blocks = note(e.from(), e.to(), e.note());
    blocks.add(new Context(List.of(":no_entry_sign: Withdrawn: " + e.reason() + ".")));
    return new ChatMessage("Handover to " + Mrkdwn.user(e.to()) + " withdrawn", blocks);
  }

  /** The change itself, posted as a new message so everyone (the previous IC too) hears of it. */
  public static ChatMessage changed(IncidentEvent.CommandChanged e) {
    String text;
    if (e.takeover()) {
      text =
          ":large_green_circle: "
              + Mrkdwn.user(e.to())
              + " took over command from "
              + Mrkdwn.user(e.from())
              + (e.actor().equals(e.to()) ? "" : ", confirmed by " + Mrkdwn.user(e.actor()))
              + ". "
              + Mrkdwn.user(e.from())
              + ", you are no longer the Incident Commander: report your findings to "
              + Mrkdwn.user(e.to())
              + ".";
    } else {
      text =
          ":large_green_circle: "
              + Mrkdwn.user(e.to())
              + " accepted command from "
              + Mrkdwn.user(e.from())
              + " and is now the Incident Commander. The handover note is in the timeline.";
    }
    return ChatMessage.of(text);
  }

  public static ChatMessage decision(IncidentEvent.DecisionRecorded e) {
    return new ChatMessage(
        "Decision: " + Mrkdwn.escape(Mrkdwn.truncate(e.text(), 200)),
        List.of(
            new Section(":scales: *Decision:* " + Mrkdwn.escape(e.text()), List.of(), null),
            new Context(
                List.of(
                    "decided by "
                        + Mrkdwn.user(e.actor())
                        + " · "
                        + Mrkdwn.date(e.at(), "{date_short_pretty} at {time}")
                        + " · in the timeline"))));
  }

  public static ChatMessage commanderWanted(IncidentEvent.CommanderWanted e) {
    String text =
        ":rotating_light: *This incident has no Incident Commander.* One person coordinates and"
            + " decides; everyone else reports findings to them. "
            + Mrkdwn.user(e.incident().declaredBy())
            + ", if that is you or someone here, press *Take command* or type `/incident ic"
            + " @user`.";
    return new ChatMessage(
        "This incident has no Incident Commander",
        List.of(
            new Section(text, List.of(), null),
            new Context(List.of("Reminder " + e.reminder() + " of " + e.of())),
            new Actions(
                List.of(
                    new Button(
                        ChatAction.TAKE_COMMAND,
                        "Take command",
                        String.valueOf(e.incidentId()),
                        Style.PRIMARY,
                        null)))));
  }

  private static List<Block> note(String from, String to, HandoverNote note) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Section(
            ":handshake: *Handover of command:* " + Mrkdwn.user(from) + " → " + Mrkdwn.user(to),
            List.of(),
            null));
    if (note != null) {
      part(blocks, "Current state", note.state());
      part(blocks, "What is being tried", note.beingTried());
      part(blocks, "Next steps", note.nextSteps());
    }
    return blocks;
  }

  private static void part(List<Block> blocks, String label, String text) {
    if (text != null && !text.isBlank()) {
      blocks.add(new Section("*" + label + "*\n" + Mrkdwn.escape(text), List.of(), null));
    }
  }
}
