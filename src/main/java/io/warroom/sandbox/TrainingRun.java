package io.warroom.sandbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code java -XX:ArchiveClassesAtExit=warroom.jsa -jar warroom.jar --training-run}: starts against
 * the sandbox with a throw-away database, runs one whole incident through it as people in Slack
 * would, and exits. The JVM then writes every class that start-up and a first incident loaded into
 * a class-data archive, which {@code -XX:SharedArchiveFile} maps in at the next start instead of
 * loading and verifying those classes one by one. {@code mvn package} does this (README, "Run"); it
 * is the same idea as Spring Boot's CDS training run.
 */
@Singleton
@Requires(property = TrainingRun.PROPERTY, value = "true")
public final class TrainingRun {

  /** The command-line argument that asks for a training run. */
  static final String ARGUMENT = "--training-run";

  static final String PROPERTY = "warroom.training-run";

  private static final Duration STEP_PATIENCE = Duration.ofSeconds(60);

  /** Warroom retries a failed call after 1 s; this much silence means nothing is left to send. */
  private static final Duration QUIET = Duration.ofMillis(1500);

  private final Sandbox sandbox;

  TrainingRun(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Whether the command line asks for a training run. */
  public static boolean requested(String[] args) {
    return List.of(args).contains(ARGUMENT);
  }

  /**
   * The settings of a training run, over the sandbox's own: any free port, and an H2 file database
   * (as a default installation has, so that its classes are recorded) in a fresh temporary folder.
   */
  public static Map<String, Object> settings(Path folder) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(PROPERTY, "true");
    settings.put("micronaut.server.port", "-1");
    settings.put(
        "datasources.default.url",
        "jdbc:h2:file:"
            + folder.resolve("warroom").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;"
            + "DB_CLOSE_ON_EXIT=FALSE");
    return settings;
  }

  @EventListener
  void onStarted(ServerStartupEvent event) {
    EmbeddedServer server = event.getSource();
    Thread run = new Thread(() -> runAndExit(server), "training-run");
    run.start();
  }

  private void runAndExit(EmbeddedServer server) {
    long started = System.nanoTime();
    int status = 0;
    try {
      sandbox.slack().connect(URI.create("http://127.0.0.1:" + server.getPort() + "/slack/events"));
      incident();
      System.out.printf(
          "Warroom training run: one incident declared, run and resolved in %d ms; %s%n",
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          recording()
              ? "the JVM now writes the class-data archive"
              : "no -XX:ArchiveClassesAtExit, so no class-data archive is written");
    } catch (RuntimeException e) {
      System.err.println("Warroom training run failed: " + e.getMessage());
      status = 1;
    }
    ApplicationContext context = server.getApplicationContext();
    String url = context.getProperty("datasources.default.url", String.class).orElse("");
    context.close();
    deleteDatabase(url);
    System.exit(status);
  }

  private static boolean recording() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
  }

  /** What a first incident does: every command, a button, messages, a pin, the postmortem. */
  private void incident() {
    FakeSlack slack = sandbox.slack();
    AppLink app = slack.app();
    String alex = sandbox.people().get(0);
    String sam = sandbox.people().get(1);
    String general = sandbox.generalChannel();
    expect("help", app.command(alex, general, "help"));
    expect("declare", app.command(alex, general, "declare sev1 Training run checkout errors"));
    String room =
        await(
            "the war room",
            () ->
                slack.channelNames().stream()
                    .filter(n -> n.contains("training-run-checkout-errors"))
                    .findFirst()
                    .flatMap(slack::channelId));
    String card = await("the pinned card", () -> slack.pins(room).stream().findFirst());
    String thread =
        await(
            "the exploration thread",
            () ->
                slack.messages(room).stream()
                    .filter(m -> m.byBot() && m.text().contains("exploration thread"))
                    .map(FakeSlack.Posted::ts)
                    .findFirst());
    expect("take command", app.click(alex, room, card, "warroom_take_command", null));
    slack.join(sam, room);
    String finding = slack.post(sam, room, "Errors started with the 14:02 deploy", thread);
    slack.react(alex, room, finding, "pushpin", true);
    String said = slack.post(sam, room, "Rolling back now", null);
    slack.edit(sam, room, said, "Rolling back the 14:02 deploy now");
    for (String command :
        List.of(
            "role comms @sam",
            "update Rolling back the 14:02 deploy",
            "note Rollback started",
            "task @sam Watch the error rate",
            "tasks",
            "action Alert on error-rate jumps after deploys @sam",
            "actions",
            "timeline",
            "list",
            "mitigated Rollback done",
            "resolve Error rate back to normal")) {
      expect(command, app.command(alex, room, command));
    }
    await(
        "the postmortem draft",
        () ->
            slack.messages(room).stream()
                .filter(m -> m.byBot() && !m.files().isEmpty())
                .findFirst());
    awaitQuiet(slack);
  }

  /** Until Warroom has made no Web API call for a while: everything it owed Slack is out. */
  private static void awaitQuiet(FakeSlack slack) {
    int[] seen = {-1};
    long[] since = {System.nanoTime()};
    await(
        "a quiet moment",
        () -> {
          int calls = slack.calls().size();
          if (calls != seen[0]) {
            seen[0] = calls;
            since[0] = System.nanoTime();
          }
          return System.nanoTime() - since[0] > QUIET.toNanos()
              ? Optional.of(calls)
              : Optional.empty();
        });
  }

  private static void expect(String what, AppLink.Reply reply) {
    if (reply.status() != 200) {
      throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
    }
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + STEP_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("no " + what + " within " + STEP_PATIENCE.toSeconds() + " s");
  }

  private static void deleteDatabase(String url) {
    String prefix = "jdbc:h2:file:";
    if (!url.startsWith(prefix)) {
      return;
    }
    Path folder = Path.of(url.substring(prefix.length()).split(";")[0]).getParent();
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(TrainingRun::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
