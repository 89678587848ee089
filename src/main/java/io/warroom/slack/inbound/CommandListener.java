package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/**
 * Handles one {@code /incident} subcommand. Register by being a bean; declare what the command is
 * once, in a {@code static final CommandSpec SPEC} that {@link #spec()} returns.
 */
public interface CommandListener {

  /** The command's name, usage, summary and where it may run. */
  CommandSpec spec();

  /**
   * Whether {@link #handle} always returns well within Slack's three seconds by itself, because it
   * waits for no database or bounds its own waits. The others run under {@link CommandDeadline}.
   * Finding an incident's channel reads the database, so an {@link
   * CommandSpec.Where#INCIDENT_CHANNEL} command never answers in time by itself.
   */
  default boolean answersInTime() {
    return false;
  }

  /**
   * Handles the command and returns the ack, within Slack's three seconds. For an {@link
   * CommandSpec.Where#INCIDENT_CHANNEL} command, {@link CommandCall#incidentId()} is the channel's
   * incident: the router has checked.
   */
  Response handle(CommandCall call, SlashCommandContext ctx) throws Exception;
}
