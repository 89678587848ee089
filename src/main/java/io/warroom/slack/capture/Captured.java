package io.warroom.slack.capture;

import com.slack.api.model.File;
import io.warroom.timeline.CapturedMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small conversions from Slack's event shapes to the timeline's words. */
final class Captured {

  private Captured() {}

  /** A message ts ({@code 1700000000.000100}) as the instant it was sent. */
  static Instant at(String ts) {
    if (ts == null || ts.isBlank()) {
      return Instant.now();
    }
    BigDecimal micros = new BigDecimal(ts).movePointRight(6);
    long value = micros.longValue();
    return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1000);
  }

  static List<CapturedMessage.FileLink> files(List<File> files) {
    List<CapturedMessage.FileLink> out = new ArrayList<>();
    if (files != null) {
      for (File f : files) {
        out.add(new CapturedMessage.FileLink(f.getName(), f.getTitle(), f.getPermalink()));
      }
    }
    return out;
  }

  static String text(String text) {
    return text == null ? "" : text;
  }
}
