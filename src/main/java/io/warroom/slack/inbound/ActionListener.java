package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatAction;

/** Handles presses of one control ({@link ChatAction}). Register by being a bean. */
public interface ActionListener {

  ChatAction action();

  Response handle(BlockActionRequest request, ActionContext ctx) throws Exception;
}
