package io.warroom.alert;

/** A notification Warroom will not store; the message is the one-line reason the sender sees. */
public class BadPayload extends RuntimeException {

  public BadPayload(String reason) {
    super(reason, null, false, false);
  }
}
