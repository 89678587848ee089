package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.GlobalShortcutContext;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.response.Response;

/** Handles one global shortcut (the composer's shortcuts menu), by callback id. A bean. */
public interface GlobalShortcutListener {

  String callbackId();

  Response handle(GlobalShortcutRequest request, GlobalShortcutContext ctx);
}
