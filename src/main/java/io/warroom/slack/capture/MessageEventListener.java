package io.warroom.slack.capture;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.MessageEvent;
import io.warroom.slack.inbound.BoundedWrite;
import io.warroom.slack.inbound.SlackEventListener;
import io.warroom.slack.webapi.AfterAck;
import io.warroom.stakeholder.StakeholderQuestions;
import io.warroom.timeline.CapturedMessage;
import io.warroom.timeline.TimelineCapture;
import jakarta.inject.Singleton;

/**
 * A plain message or a thread reply in a war room. A reply is told apart by its {@code thread_ts}
 * differing from its {@code ts}, not by a subtype (Slack does not always send one).
 */
@Singleton
class MessageEventListener implements SlackEventListener<MessageEvent> {

  private final TimelineCapture capture;
  private final BoundedWrite write;
  private final StakeholderQuestions questions;
  private final AfterAck afterAck;

  MessageEventListener(
      TimelineCapture capture,
      BoundedWrite write,
      StakeholderQuestions questions,
      AfterAck afterAck) {
    this.capture = capture;
    this.write = write;
    this.questions = questions;
    this.afterAck = afterAck;
  }

  @Override
  public Class<MessageEvent> type() {
    return MessageEvent.class;
  }

  @Override
  public void handle(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent e = payload.getEvent();
    CapturedMessage message =
        new CapturedMessage(
            e.getChannel(),
            e.getTs(),
            e.getThreadTs(),
            e.getUser() != null ? e.getUser() : e.getBotId(),
            null,
            Captured.text(e.getText()),
            Captured.files(e.getFiles()),
            Captured.at(e.getTs()));
    TimelineCapture.Outcome stored =
        write.run(() -> capture.message(payload.getEventId(), message));
    if (stored == TimelineCapture.Outcome.RECORDED && e.getUser() != null) {
      // Once per message: a redelivery is a DUPLICATE and asks nothing.
      write
          .run(() -> questions.consider(message, ctx.getBotUserId()))
          .ifPresent(answer -> answerPrivately(answer, ctx));
    }
  }

  /** The channel sees nothing: only the person who asked. */
  private void answerPrivately(StakeholderQuestions.Answer answer, EventContext ctx) {
    afterAck.run(
        "Answering a status question privately",
        () ->
            ctx.client()
                .chatPostEphemeral(
                    r ->
                        r.channel(answer.channelId())
                            .user(answer.userId())
                            .threadTs(answer.threadTs())
                            .text(answer.text())));
  }
}
