package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import java.util.List;

/** Handles one {@code /incident} subcommand. Register by being a bean. */
public interface CommandListener {

  /** The subcommand word, e.g. {@code declare}; also its aliases in {@link #aliases()}. */
  String name();

  default List<String> aliases() {
    return List.of();
  }

  /** How to type it, for the help, e.g. {@code ic <@user> | ic me}. */
  String usage();

  /** What it does, in a few words, for the help. */
  String summary();

  /** Whether it only works inside an incident's channel. */
  boolean inIncidentChannel();

  /**
   * Whether {@link #handle} always returns well within Slack's three seconds by itself, because it
   * waits for no database or bounds its own waits. The others run under {@link CommandDeadline}.
   */
  default boolean answersInTime() {
    return false;
  }

  /** Handles the command and returns the ack, within Slack's three seconds. */
  Response handle(CommandCall call, SlashCommandContext ctx) throws Exception;
}
