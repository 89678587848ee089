package io.warroom.slack.roles;

import io.warroom.chat.ChatAction;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Actions;
import io.warroom.chat.ChatMessage.Button;
import io.warroom.chat.ChatMessage.Confirm;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.ChatMessage.Style;
import io.warroom.chat.Mrkdwn;
import java.util.List;

/**
 * The private question {@code /incident ic} asks when someone else is the Incident Commander: take
 * over (recorded as a take-over, the IC told), or hand over properly.
 */
final class TakeOverQuestion {

  private TakeOverQuestion() {}

  static ChatMessage ask(long incidentId, String current, String to, String caller) {
    boolean self = to.equals(caller);
    String text =
        ":warning: "
            + Mrkdwn.user(current)
            + " is the Incident Commander. "
            + (self ? "Take over from them?" : "Make " + Mrkdwn.user(to) + " IC in their place?")
            + " A take-over is recorded as one and "
            + Mrkdwn.user(current)
            + " is told. If they are handing over, they can run `/incident handoff` with a note"
            + " instead.";
    return new ChatMessage(
        Mrkdwn.user(current) + " is the Incident Commander",
        List.of(
            new Section(text, List.of(), null),
            new Actions(
                List.of(
                    new Button(
                        ChatAction.TAKE_COMMAND,
                        self ? "Take over" : "Make them IC",
                        incidentId + ":" + current + ":" + to,
                        Style.DANGER,
                        new Confirm(
                            "Take over command?",
                            "The current Incident Commander is told in the war room.",
                            "Take over",
                            "Cancel"))))));
  }
}
