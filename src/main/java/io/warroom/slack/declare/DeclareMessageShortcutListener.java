package io.warroom.slack.declare;

import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.warroom.chat.ChatPort;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.IncidentSettings;
import io.warroom.slack.SlackIds;
import io.warroom.slack.inbound.MessageShortcutListener;
import io.warroom.slack.inbound.Replies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Declare incident" on a message: acks, then opens the Declare modal titled from the message, with
 * a link to it. Once declared, the war room links the message and the message's thread links the
 * war room ({@code DeclareViewListener}, {@code origin.Origins}). If Slack will not open the modal,
 * the user is told privately through the shortcut's response URL.
 */
@Singleton
class DeclareMessageShortcutListener implements MessageShortcutListener {

  private static final Logger LOG = LoggerFactory.getLogger(DeclareMessageShortcutListener.class);
  static final String NO_TEXT = "The message has no text: give the incident a title.";
  static final String INSTEAD =
      "Try the shortcut again, or type `/incident "
          + Mrkdwn.escape("declare [sev1-4] <title>")
          + "` in any channel.";

  private final IncidentSettings settings;
  private final AfterAck afterAck;
  private final ChatPort chat;

  DeclareMessageShortcutListener(IncidentSettings settings, AfterAck afterAck, ChatPort chat) {
    this.settings = settings;
    this.afterAck = afterAck;
    this.chat = chat;
  }

  @Override
  public String callbackId() {
    return SlackIds.DECLARE_FROM_MESSAGE;
  }

  @Override
  public Response handle(MessageShortcutRequest request, MessageShortcutContext ctx) {
    var payload = request.getPayload();
    String trigger = payload.getTriggerId();
    String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
    var message = payload.getMessage();
    String ts =
        payload.getMessageTs() != null
            ? payload.getMessageTs()
            : message == null ? null : message.getTs();
    String title = MessageTitle.of(message);
    Optional<DeclareModal.Source> source =
        channel == null || ts == null
            ? Optional.empty()
            : DeclareModal.Source.of(
                channel,
                ts,
                chat.permalink(channel, ts, message == null ? null : message.getThreadTs()));
    if (source.isEmpty()) {
      LOG.warn("A message shortcut came without a usable channel and message; opening it unlinked");
    }
    View view =
        DeclareModal.view(
            settings.defaultSeverity(),
            false,
            title,
            source.orElse(null),
            title.isEmpty() ? NO_TEXT : null);
    afterAck.runWithTrigger(
        "Opening the Declare modal from a message",
        () -> ctx.client().viewsOpen(r -> r.triggerId(trigger).view(view)),
        error -> tell(ctx, Replies.formNotOpened("Declare", error, INSTEAD)));
    return ctx.ack();
  }

  private static void tell(MessageShortcutContext ctx, String mrkdwn) {
    try {
      ctx.respond(r -> r.responseType("ephemeral").text(":warning: " + mrkdwn));
    } catch (IOException e) {
      LOG.warn("Could not tell the user the Declare modal did not open: {}", e.toString());
    }
  }
}
