package io.warroom.fakeslack;

/** A Web API error answered as Slack does: HTTP 200 with {@code {"ok":false,"error":...}}. */
class SlackError extends RuntimeException {

  private final String error;

  SlackError(String error) {
    super(error, null, false, false);
    this.error = error;
  }

  String error() {
    return error;
  }
}
