package io.warroom.postmortem;

import static io.warroom.postmortem.PostmortemDraft.human;
import static io.warroom.postmortem.PostmortemDraft.oneLine;
import static io.warroom.postmortem.PostmortemDraft.utc;

import io.warroom.output.UserText;
import io.warroom.triage.Detection;

/**
 * The draft's detection section: which alerts detected the incident, when they fired, the time to
 * declare, and what was judged noise while it was open.
 */
final class DetectionSection {

  private DetectionSection() {}

  static void append(StringBuilder md, PostmortemInput in) {
    md.append("## Detection\n\n");
    Detection d = in.detection();
    if (d == null || d.attached().isEmpty()) {
      md.append(
          "No alert was attached to this incident, so it counts as detected when it was"
              + " declared (time to declare: 0 s).\n\n");
    } else {
      md.append("| | time (UTC) |\n|---|---|\n")
          .append("| Detected (first alert fired) | ")
          .append(utc(d.detectedAt()))
          .append(" |\n| Declared | ")
          .append(utc(d.declaredAt()))
          .append(" |\n| Time to declare | ")
          .append(human(d.timeToDeclare()))
          .append(" |\n\nAlerts attached:\n\n");
      for (Detection.Alert a : d.attached()) {
        md.append("- ")
            .append(a.firedAt() == null ? "time unknown" : "fired " + utc(a.firedAt()))
            .append(" — ")
            .append(a.severity())
            .append(' ')
            .append(oneLine(a.summary()))
            .append(" (")
            .append(a.source())
            .append(')');
        if (a.runbookUrl() != null) {
          md.append(" · ").append(UserText.markdownLink(a.runbookUrl(), "runbook"));
        } else {
          md.append(" · no runbook");
        }
        md.append('\n');
      }
      md.append('\n');
    }
    if (d != null && !d.noise().isEmpty()) {
      md.append("Judged noise while it was open:\n\n");
      for (Detection.Alert a : d.noise()) {
        md.append("- ")
            .append(a.severity())
            .append(' ')
            .append(oneLine(a.summary()))
            .append(" (")
            .append(a.source())
            .append(')');
        if (a.judgedBy() != null) {
          md.append(", by ").append(Readable.user(a.judgedBy(), in.names()));
        }
        if (a.judgedAt() != null) {
          md.append(" at ").append(utc(a.judgedAt()));
        }
        md.append('\n');
      }
      md.append('\n');
    }
  }
}
