package io.warroom.api;

import java.util.Optional;

/** The REST API's bearer token; when it is unset the API refuses every call. */
public record ApiSettings(Optional<String> token) {

  /** Says whether the token is set, never what it is. */
  @Override
  public String toString() {
    return "ApiSettings[token=" + (token.isPresent() ? "(set)" : "(unset)") + "]";
  }
}
