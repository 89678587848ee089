package io.warroom.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.Incident;
import io.warroom.incident.Severity;
import io.warroom.incident.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The review as a pure function: three incidents against a golden file. */
@Tag("fast")
class ProcessReviewTest {

  private static Instant at(String time) {
    return Instant.parse(time);
  }

  private static Incident incident(
      long id,
      String title,
      String affected,
      Severity severity,
      boolean isPrivate,
      String declared,
      String mitigated,
      String resolved) {
    return new Incident(
        id,
        "k" + id,
        title,
        affected,
        severity,
        Status.RESOLVED,
        isPrivate,
        false,
        "U0ALICE",
        "U0BOB",
        null,
        null,
        null,
        at(declared),
        mitigated == null ? null : at(mitigated),
        at(resolved),
        3);
  }

  private static ActionItem item(long id, long incident, ActionStatus status) {
    return new ActionItem(
        id,
        incident,
        "Item " + id,
        "U0BOB",
        "U0ALICE",
        at("2026-11-01T12:00:00Z"),
        status,
        status == ActionStatus.OPEN ? null : "U0BOB",
        status == ActionStatus.OPEN ? null : at("2026-11-02T12:00:00Z"),
        null);
  }

  static ReviewInput threeIncidents() {
    ReviewedIncident checkout =
        new ReviewedIncident(
            incident(
                101,
                "Checkout <b>500s</b> | [click](javascript:alert(1))",
                "checkout-api",
                Severity.SEV1,
                false,
                "2026-11-01T10:05:00Z",
                "2026-11-01T11:20:00Z",
                "2026-11-01T12:00:00Z"),
            at("2026-11-01T10:00:00Z"),
            List.of("Alertmanager: CheckoutErrorRate"),
            at("2026-11-01T10:06:00Z"),
            at("2026-11-01T10:15:00Z"),
            at("2026-11-01T10:40:00Z"),
            at("2026-11-01T11:10:00Z"),
            3,
            1,
            1,
            2,
            List.of(item(1, 101, ActionStatus.DONE), item(2, 101, ActionStatus.OPEN)));
    ReviewedIncident leaked =
        new ReviewedIncident(
            incident(
                102,
                "Leaked partner keys",
                "secrets-vault",
                Severity.SEV2,
                true,
                "2026-11-10T09:00:00Z",
                null,
                "2026-11-10T13:00:00Z"),
            null,
            List.of(),
            null,
            null,
            null,
            null,
            0,
            0,
            0,
            0,
            List.of());
    ReviewedIncident slow =
        new ReviewedIncident(
            incident(
                103,
                "Checkout slow",
                "checkout-api",
                Severity.SEV2,
                false,
                "2026-11-20T08:30:00Z",
                "2026-11-20T09:10:00Z",
                "2026-11-20T10:00:00Z"),
            at("2026-11-20T08:00:00Z"),
            List.of("Alertmanager: CheckoutErrorRate"),
            at("2026-11-20T08:30:00Z"),
            at("2026-11-20T08:45:00Z"),
            at("2026-11-20T08:45:00Z"),
            at("2026-11-20T09:00:00Z"),
            1,
            0,
            0,
            0,
            List.of(item(3, 103, ActionStatus.WONT_DO)));
    return new ReviewInput(5, List.of(slow, leaked, checkout), at("2026-12-01T09:00:00Z"));
  }

  @Test
  void threeIncidentsMatchTheGoldenFile() throws IOException {
    String actual = ProcessReview.markdown(threeIncidents());
    String expected;
    try (InputStream in = getClass().getResourceAsStream("/review/three-incidents.md")) {
      expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!expected.equals(actual)) {
      Path out = Path.of("target", "review-three-incidents.actual.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual);
    }
    assertEquals(expected, actual);
  }

  @Test
  void userTextIsInertAndPrivateTitlesStayOut() {
    String md = ProcessReview.markdown(threeIncidents());
    assertFalse(md.contains("<b>"), md);
    assertFalse(md.contains("[click]("), "no live link: " + md);
    assertFalse(md.contains("Leaked partner keys"), md);
    assertFalse(md.contains("secrets-vault"), md);
    assertTrue(md.contains("a private incident"), md);
  }

  @Test
  void noResolvedIncidentsSaysSo() {
    String md = ProcessReview.markdown(new ReviewInput(5, List.of(), at("2026-12-01T09:00:00Z")));
    assertTrue(md.contains("No resolved incidents yet."), md);
  }
}
