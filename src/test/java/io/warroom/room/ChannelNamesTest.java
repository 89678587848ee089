package io.warroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ChannelNamesTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

  @Test
  void followsTheSpecPattern() {
    assertEquals(
        "inc-20261122-payments-api-returning-500s",
        ChannelNames.base("inc", false, DAY, "Payments API returning 500s"));
    assertEquals(
        "inc-drill-20261122-db-failover", ChannelNames.base("inc", true, DAY, "DB failover"));
  }

  @Test
  void keepsOnlyWhatSlackAllows() {
    assertEquals("cafe-facade-is-down", ChannelNames.slug("Café façade is DOWN!!!"));
    assertEquals("api_v2-latency", ChannelNames.slug("  api_v2 / latency  "));
    assertEquals("inc-20261122-incident", ChannelNames.base("inc", false, DAY, "🔥🔥🔥 支付"));
    assertTrue(ChannelNames.base("inc", false, DAY, "a <!channel> & b").matches("[a-z0-9_-]+"));
  }

  @Test
  void staysWithinEightyCharactersEvenWithASuffix() {
    String base = ChannelNames.base("inc", false, DAY, "word ".repeat(100));
    assertTrue(base.length() <= 76, base);
    for (int attempt = 1; attempt <= 99; attempt++) {
      String name = ChannelNames.attempt(base, attempt);
      assertTrue(name.length() <= 80, name);
      assertTrue(!name.contains("--"), name);
    }
    assertEquals(base + "-2", ChannelNames.attempt(base, 2));
    assertEquals(base, ChannelNames.attempt(base, 1));
  }
}
