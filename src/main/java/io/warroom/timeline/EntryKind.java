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
  /** A hypothesis was raised, taken on, confirmed or ruled out (the hypothesis board). */
  HYPOTHESIS,
  /** An attached alert group started (or again started) firing. */
  ALERT_FIRED,
  /** An attached alert group resolved. */
  ALERT_RESOLVED,
  /** Someone removed a secret from what Warroom stored and posted; what it was is not kept. */
  REDACTED,
  /** A decision recorded with {@code /incident decision}. */
  DECISION,
  /** The IC offered command to someone, with a note; it changes hands when they accept. */
  HANDOVER_OFFERED,
  /** An offered handover lapsed (replaced, or command changed hands another way). */
  HANDOVER_WITHDRAWN,
  /** Command changed hands by an accepted handover; the note is in the data. */
  HANDOVER,
  /** Someone confirmed taking command over the IC. */
  TAKEOVER,
  /** The incident still had no Incident Commander, and the war room was asked for one. */
  IC_REMINDER,
  /** Someone outside the response asked for an ETA or status and was answered privately. */
  STAKEHOLDER_QUESTION;

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
          DECISION,
          HANDOVER,
          TAKEOVER,
          ALERT_FIRED,
          ALERT_RESOLVED);

  public boolean isKey() {
    return KEY.contains(this);
  }
}
