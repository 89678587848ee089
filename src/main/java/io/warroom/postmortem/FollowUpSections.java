package io.warroom.postmortem;

import static io.warroom.postmortem.PostmortemDraft.oneLine;
import static io.warroom.postmortem.PostmortemDraft.utc;

import io.warroom.incident.ActionItem;

/** The draft's closing sections: the action items recorded so far and when the review is due. */
final class FollowUpSections {

  private FollowUpSections() {}

  static void actionItems(StringBuilder md, PostmortemInput in) {
    md.append("## Action items\n\n");
    if (in.actionItems().isEmpty()) {
      md.append(
          "_None recorded yet. Add them with `/incident action <text> @owner`: fixes to the system, not reminders to be careful._\n\n");
      return;
    }
    md.append("| # | action | owner | status |\n|---|---|---|---|\n");
    int n = 1;
    for (ActionItem item : in.actionItems()) {
      md.append("| ")
          .append(n++)
          .append(" | ")
          .append(oneLine(item.text()))
          .append(" | ")
          .append(item.owner() == null ? "—" : Readable.user(item.owner(), in.names()))
          .append(" | ")
          .append(item.status().label())
          .append(" |\n");
    }
    md.append('\n');
  }

  static void review(StringBuilder md, PostmortemInput in) {
    md.append("## Review\n\n");
    if (in.reviewDue() == null) {
      md.append("The review date is set when the incident is resolved.\n");
    } else {
      md.append("The postmortem review is due **")
          .append(utc(in.reviewDue()))
          .append(" UTC**. Warroom will remind the war room then, with the open action items.\n");
    }
  }
}
