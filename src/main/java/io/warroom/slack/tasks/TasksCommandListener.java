package io.warroom.slack.tasks;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Task;
import io.warroom.incident.TaskService;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code /incident tasks}: the open tasks, privately. */
@Singleton
class TasksCommandListener implements CommandListener {

  static final CommandSpec SPEC = CommandSpec.inIncidentChannel("tasks", "tasks", "the open tasks");

  static final int MAX_LISTED = 40;

  private final TaskService tasks;

  TasksCommandListener(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    List<Task> open = tasks.open(incidentId);
    if (open.isEmpty()) {
      return Replies.ephemeral(
          ctx,
          ":white_check_mark: No open tasks. Delegate one with `/incident task @user <text>`.");
    }
    StringBuilder text = new StringBuilder("*Open tasks (" + open.size() + ")*\n");
    for (Task t : open.subList(0, Math.min(MAX_LISTED, open.size()))) {
      text.append("• ")
          .append(Mrkdwn.user(t.assignee()))
          .append(": ")
          .append(Mrkdwn.escape(Mrkdwn.truncate(t.text(), 200)))
          .append(" _(since ")
          .append(Mrkdwn.date(t.createdAt(), "{time}"))
          .append(")_\n");
    }
    if (open.size() > MAX_LISTED) {
      text.append("_…and ").append(open.size() - MAX_LISTED).append(" more._");
    }
    return Replies.ephemeral(ctx, text.toString());
  }
}
