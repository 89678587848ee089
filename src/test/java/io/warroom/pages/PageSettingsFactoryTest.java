package io.warroom.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PageSettingsFactoryTest {

  private final PageSettingsFactory factory = new PageSettingsFactory();

  @Test
  void withoutAPageSecretReplicasDeriveTheSameKeyThatIsNotTheSigningSecret() {
    PageSettings a = factory.pageSettings("", "signing-secret-1", "", "30d", "https://w.example/");
    PageSettings b = factory.pageSettings("", "signing-secret-1", "", "30d", "https://w.example");
    assertArrayEquals(a.secret(), b.secret());
    assertFalse(new String(a.secret(), StandardCharsets.ISO_8859_1).contains("signing-secret-1"));
    assertEquals("https://w.example", a.publicUrl().toString());
    assertEquals(Duration.ofDays(30), a.ttl());
    PageSettings socket = factory.pageSettings("", "", "xapp-1-abc", "12h", "http://localhost");
    assertEquals(Duration.ofHours(12), socket.ttl());
    assertFalse(java.util.Arrays.equals(a.secret(), socket.secret()));
  }

  @Test
  void anExplicitSecretWinsAndBadSettingsAreNamed() {
    PageSettings set =
        factory.pageSettings("a-page-secret-of-32-characters!!", "s", "", "30d", "http://x");
    assertArrayEquals(
        "a-page-secret-of-32-characters!!".getBytes(StandardCharsets.UTF_8), set.secret());
    assertThrows(
        ConfigurationException.class,
        () -> factory.pageSettings("short", "", "", "30d", "http://x"));
    assertThrows(
        ConfigurationException.class, () -> factory.pageSettings("", "", "", "30d", "http://x"));
    assertThrows(
        ConfigurationException.class, () -> factory.pageSettings("", "s", "", "soon", "http://x"));
  }
}
