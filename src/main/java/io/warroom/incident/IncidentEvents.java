package io.warroom.incident;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

/**
 * Publishes incident events to the features that subscribe to them, in the caller's transaction.
 * Each event reaches the listeners of its own type ({@code @EventListener void
 * on(IncidentEvent.Resolved e)}) and those of {@link IncidentEvent} itself, in {@link EventOrder}.
 *
 * <p>Why not inject {@code ApplicationEventPublisher<IncidentEvent>}: Micronaut resolves a typed
 * publisher's listeners once, for its type argument, so that one would reach only listeners of
 * {@code IncidentEvent} and never those of a single event type. The untyped publisher resolves them
 * for each event's runtime class ({@code IncidentEventsTest} keeps this so).
 */
@Singleton
public class IncidentEvents {

  private final ApplicationEventPublisher<Object> publisher;

  IncidentEvents(ApplicationEventPublisher<Object> publisher) {
    this.publisher = publisher;
  }

  public void publish(IncidentEvent event) {
    publisher.publishEvent(event);
  }
}
