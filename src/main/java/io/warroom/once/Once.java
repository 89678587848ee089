package io.warroom.once;

/** What kind of id is claimed; each kind is its own namespace in the one ledger. */
public enum Once {
  /** A request that must change things once: a signature, a modal's view id. */
  REQUEST("request:"),
  /** An Events API delivery, by its {@code event_id}. */
  EVENT("event:");

  private final String prefix;

  Once(String prefix) {
    this.prefix = prefix;
  }

  /** The ledger's key for an id of this kind. */
  String key(String id) {
    return prefix + id;
  }
}
