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
  TASK_DONE,
  ACTION_DONE,
  ACTION_WONT_DO,
  /** An alert card's "Declare incident": the Declare modal, filled in from the alert. */
  ALERT_DECLARE,
  /** An alert card's "Attach to incident": pick an open incident. */
  ALERT_ATTACH,
  /** An alert card's "Noise": records who judged it so, and when. */
  ALERT_NOISE
}
