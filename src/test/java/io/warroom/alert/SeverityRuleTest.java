package io.warroom.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.warroom.config.StartupProblem;
import io.warroom.incident.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SPEC section 11: warroom_severity, else severity through the map, else the default. */
@Tag("fast")
class SeverityRuleTest {

  private final SeverityRule rule =
      new SeverityRule(
          AlertSettingsFactory.severityMap(AlertSettingsFactory.DEFAULT_MAP), Severity.SEV4);

  @Test
  void theDefaultMap() {
    assertEquals(Severity.SEV2, rule.of(Map.of("severity", "critical")));
    assertEquals(Severity.SEV3, rule.of(Map.of("severity", "error")));
    assertEquals(Severity.SEV3, rule.of(Map.of("severity", "Warning")));
    assertEquals(Severity.SEV4, rule.of(Map.of("severity", "info")));
  }

  @Test
  void warroomSeverityWinsAndTheDefaultIsLast() {
    assertEquals(Severity.SEV1, rule.of(Map.of("severity", "info", "warroom_severity", "sev1")));
    assertEquals(
        Severity.SEV2, rule.of(Map.of("severity", "critical", "warroom_severity", "urgent")));
    assertEquals(Severity.SEV4, rule.of(Map.of("severity", "page")));
    assertEquals(Severity.SEV4, rule.of(Map.of()));
  }

  @Test
  void aGroupIsAsSevereAsItsWorstFiringAlert() {
    Alert critical = alert("resolved", "critical");
    Alert warning = alert("firing", "warning");
    assertEquals(Severity.SEV3, rule.ofGroup(List.of(critical, warning)));
    assertEquals(Severity.SEV2, rule.ofGroup(List.of(critical, alert("resolved", "warning"))));
  }

  @Test
  void aBadMapStopsStartUpNamingThePair() {
    StartupProblem p =
        assertThrows(
            StartupProblem.class, () -> AlertSettingsFactory.severityMap("critical=sev1,=sev2"));
    assertEquals(
        "WARROOM_ALERTS_SEVERITY_MAP: '=sev2' is not label=severity;"
            + " write pairs such as critical=sev2,warning=sev3",
        p.getMessage());
    assertThrows(
        StartupProblem.class,
        () -> AlertSettingsFactory.severityMap("critical=sev1,critical=sev2"));
    assertEquals(Map.of("p1", Severity.SEV1), AlertSettingsFactory.severityMap(" P1 = 1 "));
  }

  private static Alert alert(String status, String severity) {
    return new Alert(
        status, Map.of("severity", severity), Map.of(), null, null, null, null, null, null);
  }
}
