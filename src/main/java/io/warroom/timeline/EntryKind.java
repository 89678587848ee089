package io.warroom.timeline;

import java.util.EnumSet;
import java.util.Set;

/** What a timeline entry records. */
public enum EntryKind {
  /** Something a person (or another app) wrote in the war room. */
  MESSAGE,
  /** Someone joined the war room. */
  JOINED,
  DECLARED,
  ROLE_ASSIGNED,
  SEVERITY_CHANGED,
  STATUS_UPDATE,
  TASK_CREATED,
  TASK_DONE,
  NOTE,
  ACTION_ITEM,
  ACTION_ITEM_CLOSED,
  REMINDER,
  MITIGATED,
  RESOLVED,
  REOPENED,
  /** An attached alert group started (or again started) firing. */
  ALERT_FIRED,
  /** An attached alert group resolved. */
  ALERT_RESOLVED,
  /** Someone removed a secret from what Warroom stored and posted; what it was is not kept. */
  REDACTED;

  /** Kinds that are key events in themselves; messages become key events when pinned. */
  static final Set<EntryKind> KEY =
      EnumSet.of(
          DECLARED,
          ROLE_ASSIGNED,
          SEVERITY_CHANGED,
          STATUS_UPDATE,
          NOTE,
          MITIGATED,
          RESOLVED,
          REOPENED,
          ALERT_FIRED,
          ALERT_RESOLVED);

  public boolean isKey() {
    return KEY.contains(this);
  }
}
