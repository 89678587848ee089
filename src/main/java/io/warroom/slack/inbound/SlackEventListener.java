package io.warroom.slack.inbound;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.Event;
import io.warroom.slack.webapi.AfterAck;

/**
 * Handles one Events API event type. The registrar acks after {@link #handle} returns; handlers
 * keep to quick database work and leave Slack calls to {@link AfterAck}.
 */
public interface SlackEventListener<E extends Event> {

  Class<E> type();

  void handle(EventsApiPayload<E> payload, EventContext ctx) throws Exception;
}
