package io.warroom.slack;

import io.warroom.chat.ChatAction;
import java.util.Optional;

/** Every Slack identifier Warroom defines, named once: the command, action ids, callback ids. */
public final class SlackIds {

  public static final String COMMAND = "/incident";

  /** Modal callback ids. */
  public static final String DECLARE_VIEW = "warroom_declare";

  /** Block and action ids inside the Declare modal. */
  public static final String DECLARE_TITLE = "declare_title";

  public static final String DECLARE_SEVERITY = "declare_severity";
  public static final String DECLARE_AFFECTED = "declare_affected";
  public static final String DECLARE_COMMANDER = "declare_commander";
  public static final String DECLARE_OPTIONS = "declare_options";
  public static final String OPTION_PRIVATE = "private";
  public static final String OPTION_DRILL = "drill";

  /** Shortcut callback ids, as app-manifest.yml declares them. */
  public static final String DECLARE_FROM_MESSAGE = "warroom_declare_from_message";

  public static final String DECLARE_SHORTCUT = "warroom_declare_shortcut";

  /** The "Attach to incident" modal of an alert card, and its one input. */
  public static final String ALERT_ATTACH_VIEW = "warroom_alert_attach";

  public static final String ALERT_ATTACH_INCIDENT = "alert_attach_incident";

  /** The Declare modal's private metadata when it was opened from an alert card. */
  public static final String ALERT_METADATA_PREFIX = "alert:";

  /** The Status Update modal and its inputs. */
  public static final String UPDATE_VIEW = "warroom_status_update";

  public static final String UPDATE_STATUS = "update_status";
  public static final String UPDATE_IMPACT = "update_impact";
  public static final String UPDATE_ACTIONS = "update_actions";
  public static final String UPDATE_NEXT_STEPS = "update_next_steps";
  public static final String UPDATE_NEXT_IN = "update_next_in";

  /** The message shortcut that adds a message to the incident's hypothesis board. */
  public static final String TRACK_HYPOTHESIS = "warroom_track_hypothesis";

  /** The Handover modal and its inputs. */
  public static final String HANDOVER_VIEW = "warroom_handover";

  public static final String HANDOVER_STATE = "handover_state";
  public static final String HANDOVER_TRIED = "handover_tried";
  public static final String HANDOVER_NEXT = "handover_next";

  /**
   * Message metadata event type that marks Warroom's posts (used to find a post after a lost
   * answer).
   */
  public static final String POST_METADATA_TYPE = "warroom_post";

  private static final String ACTION_PREFIX = "warroom_";

  private SlackIds() {}

  /** The {@code action_id} of a chat action, e.g. {@code warroom_take_command}. */
  public static String actionId(ChatAction action) {
    return ACTION_PREFIX + action.name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<ChatAction> action(String actionId) {
    if (actionId == null || !actionId.startsWith(ACTION_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ChatAction.valueOf(
              actionId.substring(ACTION_PREFIX.length()).toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
