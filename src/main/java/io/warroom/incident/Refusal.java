package io.warroom.incident;

/**
 * A request the user must change before it can be done. The message says what to type instead; it
 * is shown to the user as is, and the transaction that raised it changes nothing.
 */
public class Refusal extends RuntimeException {

  public Refusal(String message) {
    super(message, null, false, false);
  }
}
