package io.warroom.slack.inbound;

import com.slack.api.bolt.request.Request;
import io.warroom.once.Once;
import io.warroom.once.OnceLedger;
import jakarta.inject.Singleton;

/**
 * A signed command, click or submission replayed within its five minutes has its effect once (SPEC
 * section 16). Slack never sends one of these twice with the same signature (its own resends of a
 * modal carry a new timestamp), so a signature seen before is a replay. The signature is claimed in
 * the ledger declarations use ({@link OnceLedger}) as the first step of the work, so a command that
 * a slow database keeps waiting is still answered in time ({@link CommandDeadline}). Events API
 * callbacks are deduplicated by their {@code event_id} instead; what arrives over Socket Mode is
 * not signed, and its connection is Slack's own.
 */
@Singleton
class Replays {

  private final OnceLedger once;

  Replays(OnceLedger once) {
    this.once = once;
  }

  /** False when this signed request was handled before; records it the first time. */
  boolean firstTime(Request<?> request) {
    String signature =
        request.getHeaders() == null
            ? null
            : request.getHeaders().getFirstValue("X-Slack-Signature");
    return signature == null || once.firstTime(Once.REQUEST, "sig:" + signature.strip());
  }
}
