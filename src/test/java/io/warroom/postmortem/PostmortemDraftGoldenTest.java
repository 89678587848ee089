package io.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.Incident;
import io.warroom.incident.Severity;
import io.warroom.incident.Status;
import io.warroom.timeline.EntryKind;
import io.warroom.timeline.Participant;
import io.warroom.timeline.TimelineEntry;
import io.warroom.triage.Detection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The draft for two fixed incidents, pinned to the Markdown in {@code
 * src/test/resources/postmortem}. After an intended change, rerun with {@code -Dgolden.update=true}
 * and review the diff.
 */
@Tag("fast")
class PostmortemDraftGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/postmortem");
  private static final Map<String, String> NAMES =
      Map.of(
          "U1ALICE",
          "alice",
          "U2BOB",
          "bob",
          "U3CAROL",
          "carol",
          "U4DAVE",
          "dave",
          "B9PAGER",
          "PagerDuty");

  private static Instant t(String hhmm) {
    return Instant.parse("2026-03-14T" + hhmm + ":00Z");
  }

  private static TimelineEntry event(
      long id, EntryKind kind, String at, String actor, String text, String data) {
    return new TimelineEntry(
        id,
        1,
        kind,
        t(at),
        actor,
        text,
        null,
        null,
        null,
        false,
        kind != EntryKind.REMINDER
            && kind != EntryKind.JOINED
            && kind != EntryKind.ACTION_ITEM
            && kind != EntryKind.HYPOTHESIS
            && kind != EntryKind.HANDOVER_OFFERED
            && kind != EntryKind.STAKEHOLDER_QUESTION,
        0,
        false,
        null,
        false,
        null,
        data);
  }

  private static TimelineEntry hypothesis(
      long id, String at, String actor, int number, String text, String change, String note) {
    ObjectNode d = new ObjectMapper().createObjectNode();
    d.put("hypothesis", number).put("change", change).put("text", text);
    if (note != null) {
      d.put("note", note);
    }
    return event(id, EntryKind.HYPOTHESIS, at, actor, "H" + number + " " + change, d.toString());
  }

  private static TimelineEntry message(
      long id,
      String at,
      String actor,
      String text,
      String ts,
      String thread,
      boolean exploration,
      int pins,
      boolean deleted) {
    return new TimelineEntry(
        id,
        1,
        EntryKind.MESSAGE,
        t(at),
        actor,
        deleted ? null : text,
        "C0PAYMENTS",
        ts,
        thread,
        exploration,
        pins > 0 && !deleted,
        pins,
        false,
        null,
        deleted,
        deleted ? t(at) : null,
        null);
  }

  static PostmortemInput payments() {
    Incident incident =
        new Incident(
            1L,
            "k",
            "Payments API returning 500s",
            "Card checkout for EU customers",
            Severity.SEV1,
            Status.RESOLVED,
            false,
            false,
            "U1ALICE",
            "U2BOB",
            "U3CAROL",
            null,
            null,
            t("03:02"),
            t("03:44"),
            t("04:12"),
            9);
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        event(
            1,
            EntryKind.DECLARED,
            "03:02",
            "U1ALICE",
            "Declared SEV2: Payments API returning 500s",
            "{\"severity\":\"SEV2\"}"));
    entries.add(
        event(
            2,
            EntryKind.ROLE_ASSIGNED,
            "03:04",
            "U2BOB",
            "<@U2BOB> is the Incident Commander",
            "{\"role\":\"ic\",\"to\":\"U2BOB\"}"));
    entries.add(
        message(
            3,
            "03:05",
            "B9PAGER",
            "Alert: 5xx rate above 20% on payments-api",
            "1773457500.000100",
            null,
            false,
            0,
            false));
    entries.add(
        event(
            4,
            EntryKind.SEVERITY_CHANGED,
            "03:06",
            "U2BOB",
            "Severity SEV2 → SEV1",
            "{\"from\":\"SEV2\",\"to\":\"SEV1\"}"));
    entries.add(
        message(
            5,
            "03:09",
            "U4DAVE",
            "Hypothesis: DB pool exhausted since deploy 4521 &lt;- <@U2BOB|bob> see graph <https://grafana.example.com/d/pool|pool dashboard>",
            "1773457740.000200",
            "1773457400.000050",
            true,
            0,
            false));
    entries.add(
        message(
            6,
            "03:15",
            "U4DAVE",
            "Confirmed: pool maxed at 10 connections",
            "1773458100.000300",
            "1773457400.000050",
            true,
            1,
            false));
    entries.add(
        message(
            7,
            "03:16",
            "U4DAVE",
            "the db password is hunter2",
            "1773458160.000400",
            null,
            false,
            0,
            true));
    entries.add(
        event(
            8,
            EntryKind.STATUS_UPDATE,
            "03:18",
            "U3CAROL",
            "Identified: EU customers cannot pay by card",
            "{\"status\":\"Identified\",\"impact\":\"EU customers cannot pay by card\"}"));
    entries.add(
        event(
            9,
            EntryKind.REMINDER,
            "03:48",
            null,
            "Status update overdue (reminder 1)",
            "{\"missed\":1}"));
    entries.add(event(10, EntryKind.NOTE, "03:40", "U2BOB", "Rolled back deploy 4521", null));
    entries.add(hypothesis(20, "03:12", "U2BOB", 1, "The card processor is down", "RAISED", null));
    entries.add(
        hypothesis(
            21,
            "03:14",
            "U4DAVE",
            2,
            "Deploy 4521 broke the client's timeouts | retries",
            "RAISED",
            null));
    entries.add(
        hypothesis(22, "03:15", "U4DAVE", 1, "The card processor is down", "CHECKING", null));
    entries.add(
        hypothesis(
            23,
            "03:20",
            "U4DAVE",
            1,
            "The card processor is down",
            "RULED_OUT",
            "Processor status page and our probes are green"));
    entries.add(
        hypothesis(
            24,
            "03:22",
            "U3CAROL",
            2,
            "Deploy 4521 broke the client's timeouts | retries",
            "CHECKING",
            null));
    entries.add(
        hypothesis(
            25,
            "03:38",
            "U2BOB",
            2,
            "Deploy 4521 broke the client's timeouts | retries",
            "CONFIRMED",
            "Timeouts went from 30 s to 3 s in 4521"));
    entries.add(
        event(
            11,
            EntryKind.MITIGATED,
            "03:44",
            "U2BOB",
            "Mitigated: Rollback complete, error rate normal",
            null));
    entries.add(
        event(
            12,
            EntryKind.STATUS_UPDATE,
            "03:50",
            "U3CAROL",
            "Monitoring: Payments recovered for all customers",
            "{\"status\":\"Monitoring\",\"impact\":\"Payments recovered for all customers\"}"));
    entries.add(event(13, EntryKind.RESOLVED, "04:12", "U2BOB", "Resolved", null));
    // Command structure: a decision, a handover with its note, a take-over, two interruptions.
    entries.add(
        event(
            20,
            EntryKind.STAKEHOLDER_QUESTION,
            "03:20",
            "U6ERIN",
            "<@U6ERIN> asked for a status and was answered privately",
            "{\"ts\":\"1773458400.000500\"}"));
    entries.add(
        event(
            21,
            EntryKind.DECISION,
            "03:30",
            "U2BOB",
            "Roll back deploy 4521 now &amp; hold all deploys",
            null));
    entries.add(
        event(
            22,
            EntryKind.STAKEHOLDER_QUESTION,
            "03:35",
            "U6ERIN",
            "<@U6ERIN> asked for a status and was answered privately",
            "{\"ts\":\"1773458700.000600\"}"));
    entries.add(
        event(
            23,
            EntryKind.HANDOVER_OFFERED,
            "03:52",
            "U2BOB",
            "Handover of command offered to <@U3CAROL>",
            "{\"handover\":1,\"from\":\"U2BOB\",\"to\":\"U3CAROL\"}"));
    entries.add(
        event(
            24,
            EntryKind.HANDOVER,
            "03:55",
            "U3CAROL",
            "<@U3CAROL> accepted command from <@U2BOB>",
            "{\"handover\":1,\"from\":\"U2BOB\",\"to\":\"U3CAROL\","
                + "\"state\":\"Recovered | watching <error> rates\\nfor 15 min\","
                + "\"beingTried\":\"Nothing; monitoring\","
                + "\"nextSteps\":\"Resolve at 04:10 if quiet\"}"));
    entries.add(
        event(
            25,
            EntryKind.TAKEOVER,
            "04:05",
            "U2BOB",
            "<@U2BOB> took over command from <@U3CAROL>",
            "{\"handover\":2,\"from\":\"U3CAROL\",\"to\":\"U2BOB\"}"));
    // As the timeline reads them: in time order.
    entries.sort(
        java.util.Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::id));
    List<Participant> participants =
        List.of(
            new Participant(1, "U1ALICE", t("03:02")),
            new Participant(1, "U2BOB", t("03:04")),
            new Participant(1, "U4DAVE", t("03:09")),
            new Participant(1, "U3CAROL", t("03:10")));
    List<ActionItem> items =
        List.of(
            new ActionItem(
                1L,
                1,
                "Alert when the DB pool is above 80%",
                "U4DAVE",
                "U2BOB",
                t("04:00"),
                ActionStatus.OPEN,
                null,
                null,
                null),
            new ActionItem(
                2L,
                1,
                "Load-test pool settings before deploys",
                "U2BOB",
                "U2BOB",
                t("04:05"),
                ActionStatus.DONE,
                "U2BOB",
                t("04:10"),
                null));
    return new PostmortemInput(
        incident,
        "inc-20260314-payments-api-returning-500s",
        entries,
        participants,
        items,
        NAMES,
        e -> "https://acme.slack.com/archives/" + e.channelId() + "/p" + e.ts().replace(".", ""),
        t("04:12").plusSeconds(48 * 3600),
        t("05:00"),
        new Detection(
            t("02:55"),
            t("03:02"),
            List.of(
                new Detection.Alert(
                    7,
                    "Alertmanager",
                    "SEV2",
                    "Payments 5xx above 5% | *all* <!channel>",
                    t("02:55"),
                    "https://runbooks.example.com/payments-5xx",
                    null,
                    null),
                new Detection.Alert(
                    8, "Grafana", "SEV3", "Card auth latency", t("02:58"), null, null, null)),
            List.of(
                new Detection.Alert(
                    9,
                    "Alertmanager",
                    "SEV4",
                    "Disk 81% full on db-3",
                    t("02:40"),
                    "javascript:alert(1)",
                    "U2BOB",
                    t("03:10")))));
  }

  static PostmortemInput privateDrill() {
    Incident incident =
        new Incident(
            2L,
            "k2",
            "Leaked | partner keys",
            null,
            Severity.SEV3,
            Status.RESOLVED,
            true,
            true,
            "U3CAROL",
            null,
            null,
            null,
            null,
            t("10:00"),
            null,
            t("10:25"),
            3);
    List<TimelineEntry> entries =
        List.of(
            event(
                1,
                EntryKind.DECLARED,
                "10:00",
                "U3CAROL",
                "Drill declared: SEV3: Leaked | partner keys",
                "{\"severity\":\"SEV3\"}"),
            event(2, EntryKind.RESOLVED, "10:25", "U3CAROL", "Resolved: Keys rotated", null));
    return new PostmortemInput(
        incident,
        null,
        entries,
        List.of(new Participant(2, "U3CAROL", t("10:00"))),
        List.of(),
        NAMES,
        e -> null,
        t("10:25").plusSeconds(48 * 3600),
        t("11:00"));
  }

  @Test
  void aFullIncident() throws IOException {
    check("payments.md", PostmortemDraft.render(payments()));
  }

  @Test
  void aPrivateDrillResolvedWithoutMitigationOrCommander() throws IOException {
    check("private-drill.md", PostmortemDraft.render(privateDrill()));
  }

  private static void check(String file, String draft) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
      Files.writeString(golden, draft, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), draft);
  }
}
