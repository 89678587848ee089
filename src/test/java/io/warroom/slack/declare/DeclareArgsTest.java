package io.warroom.slack.declare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.incident.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class DeclareArgsTest {

  @Test
  void severityAndDrillComeBeforeTheTitleInAnyOrder() {
    DeclareArgs a = DeclareArgs.parse("sev1 --drill Payments down");
    assertEquals(Severity.SEV1, a.severity());
    assertTrue(a.drill());
    assertEquals("Payments down", a.title());
    DeclareArgs b = DeclareArgs.parse("--drill SEV3 Payments down");
    assertEquals(Severity.SEV3, b.severity());
    assertTrue(b.drill());
  }

  @Test
  void aTitleMayStartWithANumberOrMentionASeverityLater() {
    DeclareArgs a = DeclareArgs.parse("500s on checkout after sev1 deploy");
    assertNull(a.severity());
    assertFalse(a.drill());
    assertEquals("500s on checkout after sev1 deploy", a.title());
  }

  @Test
  void noTitleMeansTheForm() {
    assertEquals("", DeclareArgs.parse("sev2").title());
    assertEquals("", DeclareArgs.parse("").title());
    assertTrue(DeclareArgs.parse("—drill").drill(), "a Mac turns -- into an em dash");
  }
}
