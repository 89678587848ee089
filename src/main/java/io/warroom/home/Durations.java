package io.warroom.home;

import java.time.Duration;

/** Durations as people read them: "45 min", "3 h 20 min", "2 d 4 h". */
public final class Durations {

  private Durations() {}

  public static String human(long seconds) {
    return human(Duration.ofSeconds(Math.max(0, seconds)));
  }

  public static String human(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 1) {
      return Math.max(0, d.toSeconds()) + " s";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
    return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
  }
}
