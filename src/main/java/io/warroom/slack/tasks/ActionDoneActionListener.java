package io.warroom.slack.tasks;

import io.warroom.chat.ChatAction;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.ActionStatus;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/** An action item's "Done" button. */
@Singleton
class ActionDoneActionListener extends CloseActionItemListener {

  ActionDoneActionListener(ActionItemService actionItems, AfterAck afterAck) {
    super(actionItems, afterAck, ActionStatus.DONE);
  }

  @Override
  public ChatAction action() {
    return ChatAction.ACTION_DONE;
  }
}
