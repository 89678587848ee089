package io.warroom.home;

import java.util.List;

/**
 * The "last 30 days" lines on App Home, plain text. The insights package provides them, by its own
 * rules, so that Home and the insights page agree.
 */
public interface HomeFigures {

  /** Each line is shown as it is (plain text, no user text in it). */
  List<String> lines();
}
