package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;

/**
 * Handles one message shortcut (a "More actions" menu entry on any message), named by its {@code
 * callback_id} in {@code app-manifest.yml}. Register by being a bean.
 */
public interface MessageShortcutListener {

  String callbackId();

  /** Acks within Slack's three seconds; answers the user through the response URL. */
  Response handle(MessageShortcutRequest request, MessageShortcutContext ctx) throws Exception;
}
