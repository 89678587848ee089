package io.warroom.fakeslack;

import java.util.Map;

/**
 * One Web API call as the workspace saw it.
 *
 * @param error Slack's error code, or empty for {@code ok:true}
 * @param status the HTTP status answered (0 when no answer came)
 * @param atMillis when the call arrived
 */
public record ApiCall(
    String method, Map<String, String> params, String error, int status, long atMillis) {

  public boolean ok() {
    return status == 200 && error.isEmpty();
  }
}
