package io.warroom.slack.hypothesis;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import io.warroom.chat.ChatPort;
import io.warroom.hypothesis.Hypotheses;
import io.warroom.hypothesis.Hypothesis;
import io.warroom.incident.Refusal;
import io.warroom.room.WarRooms;
import io.warroom.slack.SlackIds;
import io.warroom.slack.SlackText;
import io.warroom.slack.inbound.MessageShortcutListener;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message shortcut <b>Track as hypothesis</b>: the message's text becomes the next hypothesis
 * on its war room's board, stored before the ack; the link to the message (a Web API call) is added
 * after it.
 */
@Singleton
class TrackHypothesisShortcutListener implements MessageShortcutListener {

  private static final Logger LOG = LoggerFactory.getLogger(TrackHypothesisShortcutListener.class);

  private final Hypotheses hypotheses;
  private final WarRooms rooms;
  private final ChatPort chat;
  private final AfterAck afterAck;

  TrackHypothesisShortcutListener(
      Hypotheses hypotheses, WarRooms rooms, ChatPort chat, AfterAck afterAck) {
    this.hypotheses = hypotheses;
    this.rooms = rooms;
    this.chat = chat;
    this.afterAck = afterAck;
  }

  @Override
  public String callbackId() {
    return SlackIds.TRACK_HYPOTHESIS;
  }

  @Override
  public Response handle(MessageShortcutRequest request, MessageShortcutContext ctx) {
    MessageShortcutPayload p = request.getPayload();
    String channel = p.getChannel().getId();
    Optional<Long> incident = rooms.incidentIn(channel);
    if (incident.isEmpty()) {
      tell(
          ctx,
          ":warning: *Track as hypothesis* works on messages in an incident's channel."
              + " `/incident list` shows the open incidents and their channels.");
      return ctx.ack();
    }
    String text =
        Hypotheses.fromMessage(
            SlackText.plain(p.getMessage() == null ? "" : p.getMessage().getText()));
    if (text.isEmpty()) {
      tell(
          ctx,
          ":warning: That message has no text to track. Write the hypothesis out instead:"
              + " `/incident hypothesis <text>`.");
      return ctx.ack();
    }
    Hypothesis h;
    try {
      h = hypotheses.raise(incident.get(), text, null, p.getUser().getId());
    } catch (Refusal refusal) {
      tell(ctx, ":warning: " + refusal.getMessage());
      return ctx.ack();
    }
    String threadTs = p.getMessage() == null ? null : p.getMessage().getThreadTs();
    afterAck.run(
        "Linking the message of a tracked hypothesis",
        () -> {
          try {
            hypotheses.link(h.id(), chat.permalink(channel, p.getMessageTs(), threadTs));
          } catch (RuntimeException e) {
            LOG.warn("Could not link the message of {}: {}", h.name(), e.toString());
          }
          return respond(
              ctx,
              ":bulb: Added *"
                  + h.name()
                  + "* to the hypothesis board, linked to the message. Press *I'll check "
                  + h.name()
                  + "* there if you are looking into it.");
        });
    return ctx.ack();
  }

  private void tell(MessageShortcutContext ctx, String mrkdwn) {
    afterAck.run("Answering a message shortcut", () -> respond(ctx, mrkdwn));
  }

  private static WebhookResponse respond(MessageShortcutContext ctx, String mrkdwn) {
    try {
      return ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(mrkdwn));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
