package io.warroom.slack;

import com.slack.api.bolt.request.Request;
import io.warroom.incident.HandledRequests;
import jakarta.inject.Singleton;

/**
 * A signed command, click or submission replayed within its five minutes has its effect once (SPEC
 * section 16). Slack never sends one of these twice with the same signature (its own resends of a
 * modal carry a new timestamp), so a signature seen before is a replay. The signature is claimed in
 * the ledger declarations use ({@code handled_request}) as the first step of the work, so a command
 * that a slow database keeps waiting is still answered in time ({@link CommandDeadline}). Events
 * API callbacks are deduplicated by their {@code event_id} instead; what arrives over Socket Mode
 * is not signed, and its connection is Slack's own.
 */
@Singleton
class Replays {

  private final HandledRequests handled;

  Replays(HandledRequests handled) {
    this.handled = handled;
  }

  /** False when this signed request was handled before; records it the first time. */
  boolean firstTime(Request<?> request) {
    String signature =
        request.getHeaders() == null
            ? null
            : request.getHeaders().getFirstValue("X-Slack-Signature");
    return signature == null || handled.firstTime("sig:" + signature.strip());
  }
}
