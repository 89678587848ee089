package io.warroom.slack.tasks;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.TaskService;
import io.warroom.slack.MentionArg;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident task <@user> <text>}: delegates a task; its message gets a Done button. */
@Singleton
class TaskCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.inIncidentChannel(
              "task", "task <@user> <text>", "delegate a task; anyone can press its Done button")
          .withExample("task @user <text>");

  private static final String EXAMPLE = "`/incident task @bob Check the DB connection pool`";

  private final TaskService tasks;

  TaskCommandListener(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    long incidentId = call.incidentId();
    String[] words = SlackText.firstWord(call.args());
    String assignee = MentionArg.user(words[0], call.userId(), EXAMPLE);
    tasks.create(incidentId, assignee, SlackText.plain(words[1]), call.userId());
    return Replies.ephemeral(
        ctx, ":white_check_mark: Task given to " + Mrkdwn.user(assignee) + ".");
  }
}
