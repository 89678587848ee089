package io.warroom.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart the template draws as inline SVG: numbers only, laid out here, labels escaped by the
 * template like any other text.
 */
record Chart(String title, int width, int height, List<Bar> bars) {

  static final int WIDTH = 320;
  static final int HEIGHT = 160;
  static final int BASE = 130;

  /** One bar: where it stands and what it says. */
  record Bar(int x, int y, int w, int h, String label, String value, int labelX) {}

  static Chart of(String title, List<String> labels, List<Long> values, List<String> shown) {
    long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
    int n = Math.max(1, labels.size());
    int slot = (WIDTH - 20) / n;
    int w = Math.max(4, slot - 8);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      int h = (int) Math.round((BASE - 20) * (values.get(i) / (double) max));
      int x = 10 + i * slot + (slot - w) / 2;
      bars.add(new Bar(x, BASE - h, w, h, labels.get(i), shown.get(i), x + w / 2));
    }
    return new Chart(title, WIDTH, HEIGHT, bars);
  }
}
