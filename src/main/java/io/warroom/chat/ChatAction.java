package io.warroom.chat;

/**
 * What pressing a control asks Warroom to do. The Slack layer maps each to an {@code action_id} and
 * back.
 */
public enum ChatAction {
  /** Open the Declare form (App Home). */
  DECLARE,
  TAKE_COMMAND,
  POST_UPDATE,
  CHANGE_SEVERITY,
  MITIGATE,
  RESOLVE,
  /** The card's "Share": a signed link to the incident's read-only page, privately. */
  SHARE,
  TASK_DONE,
  ACTION_DONE,
  ACTION_WONT_DO,
  /** The hypothesis board: "I'll check", Confirm, Rule out. */
  HYPOTHESIS_CHECK,
  HYPOTHESIS_CONFIRM,
  HYPOTHESIS_RULE_OUT,
  /** The person a handover names takes command. */
  ACCEPT_COMMAND,
  /** An alert card's "Declare incident": the Declare modal, filled in from the alert. */
  ALERT_DECLARE,
  /** An alert card's "Attach to incident": pick an open incident. */
  ALERT_ATTACH,
  /** An alert card's "Noise": records who judged it so, and when. */
  ALERT_NOISE
}
