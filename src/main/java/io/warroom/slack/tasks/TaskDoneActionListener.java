package io.warroom.slack.tasks;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;
import io.warroom.incident.Refusal;
import io.warroom.incident.TaskService;
import io.warroom.slack.inbound.ActionListener;
import io.warroom.slack.inbound.ActionReplies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/** A task's "Done" button: anyone may press it; who did is recorded. */
@Singleton
class TaskDoneActionListener implements ActionListener {

  private final TaskService tasks;
  private final AfterAck afterAck;

  TaskDoneActionListener(TaskService tasks, AfterAck afterAck) {
    this.tasks = tasks;
    this.afterAck = afterAck;
  }

  @Override
  public ChatAction action() {
    return ChatAction.TASK_DONE;
  }

  @Override
  public Response handle(BlockActionRequest request, ActionContext ctx) {
    long taskId = Long.parseLong(request.getPayload().getActions().get(0).getValue());
    try {
      tasks.complete(taskId, request.getPayload().getUser().getId());
    } catch (Refusal refusal) {
      ActionReplies.refuse(ctx, afterAck, refusal.getMessage());
    }
    return ctx.ack();
  }
}
