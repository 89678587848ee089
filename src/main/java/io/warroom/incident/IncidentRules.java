package io.warroom.incident;

import java.time.Duration;
import java.util.Optional;

/**
 * What an incident's texts may be: titles, what is affected, notes, updates and tasks, with the
 * answer a person gets when one is refused. The Slack modals use the same limits.
 */
public final class IncidentRules {

  /** Slack's header block shows at most 150 characters; longer titles would be cut. */
  public static final int MAX_TITLE = 150;

  public static final int MAX_AFFECTED = 2000;

  /** Notes, updates and tasks: one Slack section holds 3,000 characters with room for a prefix. */
  public static final int MAX_TEXT = 2500;

  /** The longest "next update in" a status update may promise. */
  public static final Duration MAX_NEXT_UPDATE = Duration.ofHours(24);

  static StatusUpdate check(StatusUpdate update) {
    String impact = limit(update.impact(), "Impact");
    String actions = limit(update.actionsTaken(), "Actions taken");
    String next = limit(update.nextSteps(), "Next steps");
    if (impact == null && actions == null && next == null) {
      throw new Refusal(
          "Say what stakeholders should know, for example: `/incident update Checkout is failing"
              + " for EU card payments; rolling back the 14:02 deploy`");
    }
    Duration in = update.nextUpdateIn();
    if (in != null && (in.isNegative() || in.isZero() || in.compareTo(MAX_NEXT_UPDATE) > 0)) {
      throw new Refusal(
          "\"Next update in\" must be between 1 and 1440 minutes (24 hours); it was "
              + in.toMinutes()
              + ".");
    }
    return new StatusUpdate(update.status(), impact, actions, next, in);
  }

  private static String limit(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() > MAX_TEXT) {
      throw new Refusal(
          field + " is " + t.length() + " characters long; keep it to " + MAX_TEXT + " or fewer.");
    }
    return t;
  }

  static String optionalText(String text) {
    return text == null || text.isBlank() ? null : limit(text, "The text");
  }

  /** Free text a command needs: present, and short enough to post. */
  static String requireText(String text, String example) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new Refusal("Add the text, for example: " + example);
    }
    if (t.length() > MAX_TEXT) {
      throw new Refusal(
          "That is " + t.length() + " characters long; keep it to " + MAX_TEXT + " or fewer.");
    }
    return t;
  }

  /** What is wrong with a title, if anything; the same rule the declaration applies. */
  public static Optional<String> titleProblem(String raw) {
    String title = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    if (title.isEmpty()) {
      return Optional.of(
          "Give the incident a title, for example: `/incident declare sev1 Payments API returning"
              + " 500s`");
    }
    if (title.length() > MAX_TITLE) {
      return Optional.of(
          "The title is "
              + title.length()
              + " characters long; keep it to "
              + MAX_TITLE
              + " or fewer and put the details in the war room once it is open.");
    }
    return Optional.empty();
  }

  /** What is wrong with a "what is affected" text, if anything. */
  public static Optional<String> affectedProblem(String raw) {
    if (raw != null && raw.strip().length() > MAX_AFFECTED) {
      return Optional.of(
          "\"What is affected\" is "
              + raw.strip().length()
              + " characters long; keep it to "
              + MAX_AFFECTED
              + " or fewer.");
    }
    return Optional.empty();
  }

  static String cleanTitle(String raw) {
    titleProblem(raw)
        .ifPresent(
            problem -> {
              throw new Refusal(problem);
            });
    return raw.strip().replaceAll("\\s+", " ");
  }

  static String cleanAffected(String raw) {
    affectedProblem(raw)
        .ifPresent(
            problem -> {
              throw new Refusal(problem);
            });
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  private IncidentRules() {}
}
