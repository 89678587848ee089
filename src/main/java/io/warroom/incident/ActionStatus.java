package io.warroom.incident;

/** Where an action item stands. */
public enum ActionStatus {
  OPEN("Open"),
  DONE("Done"),
  WONT_DO("Won't do");

  private final String label;

  ActionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
