package io.warroom.room;

import io.warroom.incident.Severity;

/** The severity colours used on the card, topic and notices. */
public final class Emoji {

  private Emoji() {}

  public static String of(Severity severity) {
    return switch (severity) {
      case SEV1 -> ":red_circle:";
      case SEV2 -> ":large_orange_circle:";
      case SEV3 -> ":large_yellow_circle:";
      case SEV4 -> ":large_blue_circle:";
    };
  }
}
