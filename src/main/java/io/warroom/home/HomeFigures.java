package io.warroom.home;

import java.util.List;

/**
 * The "last 30 days" lines on App Home, plain text. A seam: {@link RecentFigures} is the fallback,
 * and a fuller insights implementation may replace it.
 */
public interface HomeFigures {

  /** Each line is shown as it is (plain text, no user text in it). */
  List<String> lines();
}
