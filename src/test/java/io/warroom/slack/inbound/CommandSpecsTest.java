package io.warroom.slack.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@code /incident} listener bean's {@link CommandSpec}, read without starting Warroom: one
 * word per command, the help's usage starting with it, and the router's rule that an
 * incident-channel command reaches its listener only from an incident's channel.
 */
@Tag("fast")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandSpecsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<CommandSpec> specs = new ArrayList<>();

  @BeforeAll
  void readSpecs() throws ReflectiveOperationException {
    // The beans Micronaut would create, read from what its compiler wrote, without a context.
    for (BeanDefinitionReference<?> bean :
        SoftServiceLoader.load(
                BeanDefinitionReference.class,
                getClass().getClassLoader(),
                name -> name.startsWith("io.warroom.slack."))
            .collectAll()) {
      Class<?> type = bean.getBeanType();
      if (!CommandListener.class.isAssignableFrom(type)) {
        continue;
      }
      Field field = type.getDeclaredField("SPEC");
      int mods = field.getModifiers();
      assertTrue(Modifier.isStatic(mods) && Modifier.isFinal(mods), type + ".SPEC is a constant");
      assertEquals(CommandSpec.class, field.getType(), type + ".SPEC");
      field.setAccessible(true);
      specs.add((CommandSpec) field.get(null));
    }
    assertTrue(specs.size() >= 25, "found only " + specs.size() + " command listeners");
  }

  @Test
  void eachWordRunsOneCommand() {
    Set<String> words = new HashSet<>();
    for (CommandSpec spec : specs) {
      assertTrue(words.add(spec.name()), "two commands are called " + spec.name());
      for (String alias : spec.aliases()) {
        assertTrue(words.add(alias), "two commands answer to " + alias);
      }
    }
    assertTrue(words.containsAll(Set.of("help", "declare")), "the router's defaults: " + words);
  }

  @Test
  void theHelpShowsHowToTypeEachCommand() {
    for (CommandSpec spec : specs) {
      String usage = "/incident " + spec.usage();
      assertTrue(
          usage.equals("/incident " + spec.name())
              || usage.startsWith("/incident " + spec.name() + " "),
          usage);
      assertFalse(spec.summary().isBlank(), spec.name());
      assertTrue(spec.example().startsWith(spec.name()), spec.name() + ": " + spec.example());
    }
  }

  @Test
  void anIncidentChannelCommandIsRefusedOutsideOneAndItsListenerNotCalled() throws Exception {
    long refused = 0;
    for (CommandSpec spec : specs.stream().filter(CommandSpec::inIncidentChannel).toList()) {
      AtomicReference<CommandCall> got = new AtomicReference<>();
      Response r = route(spec, got, channel -> Optional.empty());
      assertNull(got.get(), "/incident " + spec.name() + " reached its listener");
      assertEquals(
          ":warning: Run `/incident "
              + spec.example()
              + "` in an incident's channel. `/incident list` shows the open incidents and their"
              + " channels.",
          text(r),
          spec.name());
      refused++;
    }
    assertTrue(refused >= 20, "only " + refused + " incident-channel commands");
  }

  @Test
  void anIncidentChannelCommandGetsTheChannelsIncident() throws Exception {
    for (CommandSpec spec : specs.stream().filter(CommandSpec::inIncidentChannel).toList()) {
      AtomicReference<CommandCall> got = new AtomicReference<>();
      route(spec, got, channel -> channel.equals("C_ROOM") ? Optional.of(42L) : Optional.empty());
      assertEquals(42L, got.get().incidentId(), spec.name());
    }
  }

  @Test
  void aCommandThatRunsAnywhereLooksNothingUp() throws Exception {
    for (CommandSpec spec : specs.stream().filter(s -> !s.inIncidentChannel()).toList()) {
      AtomicReference<CommandCall> got = new AtomicReference<>();
      route(spec, got, channel -> fail("/incident " + spec.name() + " looked up its channel"));
      assertNull(got.get().incident(), spec.name());
    }
  }

  /** Runs the router's rule for one command typed in channel {@code C_ROOM}. */
  private static Response route(
      CommandSpec spec,
      AtomicReference<CommandCall> got,
      Function<String, Optional<Long>> incidentIn) {
    CommandListener listener =
        new CommandListener() {
          @Override
          public CommandSpec spec() {
            return spec;
          }

          @Override
          public Response handle(CommandCall call, SlashCommandContext ctx) {
            got.set(call);
            return ctx.ack();
          }
        };
    CommandCall call = new CommandCall("U_ALICE", "C_ROOM", "T1", "https://x", "args", null);
    return IncidentCommandRouter.answer(
        listener, spec.name(), call, new SlashCommandContext(), () -> true, incidentIn);
  }

  private static String text(Response r) throws Exception {
    return JSON.readTree(r.getBody()).path("text").asText();
  }
}
