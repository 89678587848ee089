package io.warroom.postmortem;

import static io.warroom.postmortem.PostmortemDraft.human;
import static io.warroom.postmortem.PostmortemDraft.oneLine;

import io.warroom.incident.Incident;
import io.warroom.incident.Role;
import io.warroom.timeline.EntryKind;
import java.time.Duration;
import java.time.Instant;

/**
 * The draft's blameless analysis: prompts that ask what in the system allowed this, not who, seeded
 * with the few facts that make them concrete (how long the impact lasted, how many updates and
 * reminders there were).
 */
final class PromptSections {

  private PromptSections() {}

  static void contributingFactors(StringBuilder md, PostmortemInput in) {
    Incident incident = in.incident();
    String what = oneLine(incident.title());
    md.append("## Contributing factors\n\n")
        .append("Answer about the system, not about people: keep asking \"why?\" until you reach")
        .append(" something the system could do differently.\n\n")
        .append("1. Why did \"")
        .append(what)
        .append("\" happen? What changed, failed or ran out?\n")
        .append(
            "2. Why was that possible? What in the system allowed one change or one failure to have this effect?\n")
        .append(
            "3. Why was it not caught earlier? Which alert, test, review or limit could have stopped it?\n")
        .append("4. Why did it take ");
    if (incident.mitigatedAt() != null || incident.resolvedAt() != null) {
      Instant stopped =
          incident.mitigatedAt() != null ? incident.mitigatedAt() : incident.resolvedAt();
      md.append(human(Duration.between(incident.declaredAt(), stopped)));
    } else {
      md.append("this long");
    }
    md.append(" to stop the impact? What slowed detection, diagnosis or the fix?\n")
        .append(
            "5. Why could the same weakness not bite elsewhere? Which other systems share it?\n\n");
  }

  static void wentWellAndNot(StringBuilder md, PostmortemInput in) {
    long updates = DraftEntries.of(in, EntryKind.STATUS_UPDATE).size();
    long reminders = DraftEntries.of(in, EntryKind.REMINDER).size();
    long findings = in.entries().stream().filter(e -> e.exploration() && !e.deleted()).count();
    md.append("## What went well\n\n");
    md.append("- Stakeholders got ")
        .append(updates)
        .append(updates == 1 ? " status update." : " status updates.")
        .append(" Was that often enough, and clear enough?\n");
    if (findings > 0) {
      md.append("- The exploration thread collected ")
          .append(findings)
          .append(findings == 1 ? " finding" : " findings")
          .append(", keeping the channel for decisions. Which one turned it around?\n");
    }
    md.append("- _Which tools, runbooks or habits helped? Name them so they are kept._\n\n");
    md.append("## What did not go well\n\n");
    if (reminders > 0) {
      md.append("- Warroom had to remind about overdue status updates ")
          .append(reminders)
          .append(reminders == 1 ? " time." : " times.")
          .append(" What kept the comms lead from posting?\n");
    }
    if (in.incident().holder(Role.COMMANDER).isEmpty()) {
      md.append("- Nobody took command. What made that hard?\n");
    }
    md.append(
        "- _Where did the response lose time? What was missing: access, data, a runbook, people?_\n\n");
  }
}
