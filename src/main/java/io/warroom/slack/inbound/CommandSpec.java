package io.warroom.slack.inbound;

import java.util.List;
import java.util.Objects;

/**
 * What one {@code /incident} subcommand is, declared once by its listener ({@code static final
 * CommandSpec SPEC}): the word that runs it, how to type it and what it does (the help is built
 * from these), and where it may run, which {@link IncidentCommandRouter} enforces for every
 * command.
 *
 * @param name the subcommand word, e.g. {@code sev}
 * @param usage how to type it after {@code /incident}, for the help, e.g. {@code sev <1-4>}
 * @param summary what it does, in a few words, for the help
 * @param where where it may run
 * @param example what the refusal outside an incident's channel tells the user to type, e.g. {@code
 *     sev 1}; the usage unless set with {@link #withExample}
 * @param aliases other words that run it, e.g. {@code decide} for {@code decision}
 */
public record CommandSpec(
    String name, String usage, String summary, Where where, String example, List<String> aliases) {

  /** Where a command may run. */
  public enum Where {
    /** Any channel or DM Warroom's command reaches. */
    ANYWHERE,
    /**
     * Only an incident's channel: the router finds the incident and hands it over in {@link
     * CommandCall#incidentId()}; anywhere else it refuses and the listener is not called.
     */
    INCIDENT_CHANNEL
  }

  public CommandSpec {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(summary, "summary");
    aliases = List.copyOf(aliases);
    if (name == null || !name.matches("[a-z]+")) {
      throw new IllegalArgumentException("A subcommand is one lower-case word: " + name);
    }
    if (usage == null || !(usage.equals(name) || usage.startsWith(name + " "))) {
      throw new IllegalArgumentException("The usage of " + name + " starts with it: " + usage);
    }
    if (example == null || example.isBlank()) {
      throw new IllegalArgumentException("The example of " + name + " is blank");
    }
  }

  /** A command that may run anywhere. */
  public static CommandSpec anywhere(String name, String usage, String summary) {
    return new CommandSpec(name, usage, summary, Where.ANYWHERE, usage, List.of());
  }

  /** A command that only runs in an incident's channel. */
  public static CommandSpec inIncidentChannel(String name, String usage, String summary) {
    return new CommandSpec(name, usage, summary, Where.INCIDENT_CHANNEL, usage, List.of());
  }

  /** The same, with a shorter example of what to type than the usage. */
  public CommandSpec withExample(String typed) {
    return new CommandSpec(name, usage, summary, where, typed, aliases);
  }

  /** The same, also run by these words. */
  public CommandSpec withAliases(String... words) {
    return new CommandSpec(name, usage, summary, where, example, List.of(words));
  }

  /** Whether it only runs in an incident's channel. */
  public boolean inIncidentChannel() {
    return where == Where.INCIDENT_CHANNEL;
  }
}
