package io.warroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SettingParserTest {

  @Test
  void readsTheDurationFormsTheSpecNames() {
    assertEquals(Duration.ofMinutes(15), SettingParser.duration("X", "15m"));
    assertEquals(Duration.ofSeconds(90), SettingParser.duration("X", "90s"));
    assertEquals(Duration.ofHours(1), SettingParser.duration("X", "PT1H"));
    assertEquals(Duration.ofHours(48), SettingParser.duration("X", "48h"));
    assertEquals(Duration.ofMillis(500), SettingParser.duration("X", "500ms"));
    assertEquals(Optional.empty(), SettingParser.durationOrOff("X", "off"));
    assertEquals(Optional.of(Duration.ofMinutes(30)), SettingParser.durationOrOff("X", "30m"));
  }

  @Test
  void refusesOtherForms() {
    for (String bad : new String[] {"15", "15x", "soon", "-1m", "0s", ""}) {
      StartupProblem p =
          assertThrows(StartupProblem.class, () -> SettingParser.duration("WARROOM_X", bad), bad);
      assertEquals(true, p.getMessage().startsWith("WARROOM_X"), p.getMessage());
    }
  }
}
