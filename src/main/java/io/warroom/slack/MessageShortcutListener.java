package io.warroom.slack;

import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;

/** Handles one message shortcut (a message's "More actions" menu), by callback id. A bean. */
public interface MessageShortcutListener {

  String callbackId();

  Response handle(MessageShortcutRequest request, MessageShortcutContext ctx);
}
