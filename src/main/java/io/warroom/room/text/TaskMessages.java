package io.warroom.room.text;

import io.warroom.chat.ChatAction;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Actions;
import io.warroom.chat.ChatMessage.Button;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.ChatMessage.Style;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Task;
import java.util.List;

/** A delegated task as a message with a Done button, and the same message once done. */
public final class TaskMessages {

  private TaskMessages() {}

  public static String ref(Task task) {
    return "task:" + task.id();
  }

  public static ChatMessage open(Task task) {
    return new ChatMessage(
        "Task for " + Mrkdwn.user(task.assignee()),
        List.of(
            new Section(
                ":ballot_box_with_check: *Task for "
                    + Mrkdwn.user(task.assignee())
                    + ":* "
                    + Mrkdwn.escape(task.text()),
                List.of(),
                null),
            new Context(List.of("from " + Mrkdwn.user(task.createdBy()))),
            new Actions(
                List.of(
                    new Button(
                        ChatAction.TASK_DONE,
                        "Done",
                        String.valueOf(task.id()),
                        Style.PRIMARY,
                        null)))));
  }

  public static ChatMessage done(Task task) {
    return new ChatMessage(
        "Task done",
        List.of(
            new Section(
                ":white_check_mark: ~Task for "
                    + Mrkdwn.user(task.assignee())
                    + ":~ "
                    + Mrkdwn.escape(task.text()),
                List.of(),
                null),
            new Context(
                List.of(
                    "from "
                        + Mrkdwn.user(task.createdBy())
                        + " · done by "
                        + Mrkdwn.user(task.doneBy())
                        + " "
                        + Mrkdwn.date(task.doneAt(), "{date_short_pretty} at {time}")))));
  }
}
