package io.warroom.slack.tasks;

import io.warroom.chat.ChatAction;
import io.warroom.incident.ActionItemService;
import io.warroom.incident.ActionStatus;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;

/** An action item's "Won't do" button. */
@Singleton
class ActionWontDoActionListener extends CloseActionItemListener {

  ActionWontDoActionListener(ActionItemService actionItems, AfterAck afterAck) {
    super(actionItems, afterAck, ActionStatus.WONT_DO);
  }

  @Override
  public ChatAction action() {
    return ChatAction.ACTION_WONT_DO;
  }
}
