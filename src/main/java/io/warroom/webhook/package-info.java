/**
 * Events out (SPEC section 12): every incident change, as a CloudEvents 1.0 event in structured
 * JSON, signed as Standard Webhooks specifies and POSTed to each {@code WARROOM_WEBHOOK_URLS}
 * endpoint. What to send is written in the transaction of the change ({@link
 * io.warroom.webhook.WebhookRecorder}); {@link io.warroom.webhook.WebhookDispatcher} sends it
 * afterwards, in order per incident and endpoint, under a lease so that several replicas send each
 * event once, retrying for a day. See docs/events.md.
 */
package io.warroom.webhook;
