package io.warroom.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SlackTextTest {

  @Test
  void turnsSlackFormattingBackIntoWhatWasTyped() {
    assertEquals("ping @alice and @here", SlackText.plain("ping <@U123|alice> and <!here>"));
    assertEquals("a < b && c > d", SlackText.plain("a &lt; b &amp;&amp; c &gt; d"));
    assertEquals(
        "see #ops and docs (https://x.io)",
        SlackText.plain("see <#C1|ops> and <https://x.io|docs>"));
    assertEquals("@channel @oncall", SlackText.plain("<!channel> <!subteam^S1|@oncall>"));
    assertEquals("literal &lt; stays", SlackText.plain("literal &amp;lt; stays"));
  }

  @Test
  void readsOneMention() {
    assertEquals(Optional.of("U123ABC"), SlackText.userId("<@U123ABC|bob>"));
    assertEquals(Optional.of("W42"), SlackText.userId("<@W42>"));
    assertEquals(Optional.empty(), SlackText.userId("@bob"));
    assertEquals(Optional.empty(), SlackText.userId("<#C1|ops>"));
  }
}
