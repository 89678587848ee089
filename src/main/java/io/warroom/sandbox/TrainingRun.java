package io.warroom.sandbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code java -XX:ArchiveClassesAtExit=warroom.jsa -jar warroom.jar --training-run}: starts against
 * the sandbox with a throw-away database, runs one whole incident through it ({@link
 * TrainingIncident}), and exits. The JVM then writes every class that start-up and a first incident
 * loaded into a class-data archive, which {@code -XX:SharedArchiveFile} maps in at the next start
 * instead of loading and verifying those classes one by one. {@code mvn package} does this (README,
 * "Run"; decision 5); it is the same idea as Spring Boot's CDS training run.
 *
 * <p>It always ends the JVM, and with a failure status when anything went wrong, so that the build
 * that runs it fails instead of waiting or going on without an archive.
 */
@Singleton
@Requires(property = TrainingRun.PROPERTY, value = "true")
public final class TrainingRun {

  static final String ARGUMENT = "--training-run";

  static final String PROPERTY = "warroom.training-run";

  /** Start-up, the incident and the exit take about 10 s; past this, something hangs. */
  private static final Duration DEADLINE = Duration.ofMinutes(4);

  private static final String ARCHIVE_OPTION = "-XX:ArchiveClassesAtExit=";

  private final Sandbox sandbox;
  private final ApplicationContext context;

  TrainingRun(Sandbox sandbox, ApplicationContext context) {
    this.sandbox = sandbox;
    this.context = context;
  }

  /** Whether the command line asks for a training run. */
  public static boolean requested(String[] args) {
    return List.of(args).contains(ARGUMENT);
  }

  /**
   * Readies this JVM for a training run and returns its settings, which win over the environment:
   * any free port on loopback, and an H2 file database (as a default installation has, so that its
   * classes are recorded) in a fresh temporary folder, deleted when the JVM exits. A deadline halts
   * the JVM if the run hangs. If this Java cannot record an archive, says why and exits.
   */
  public static Map<String, Object> prepare() {
    archive()
        .ifPresent(
            archive -> {
              if (!System.getProperty("java.vm.info", "").contains("sharing")) {
                // Java records an application's classes on top of its own archive of the JDK's.
                System.err.println(
                    "warroom: cannot record a class-data archive: this Java ("
                        + System.getProperty("java.home")
                        + ") runs without its own default class-data archive"
                        + " (lib/server/classes.jsa). Build with -Dwarroom.skipTrainingRun and start"
                        + " with java -jar, or use a JDK that ships one.");
                System.exit(1);
              }
              // An archive from an earlier build must not outlive a run that fails to replace it.
              delete(archive);
            });
    Path folder;
    try {
      folder = Files.createTempDirectory("warroom-training-run");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> deleteFolder(folder), "training-run-cleanup"));
    Thread deadline = new Thread(TrainingRun::haltWhenLate, "training-run-deadline");
    deadline.setDaemon(true);
    deadline.start();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(PROPERTY, "true");
    settings.put("micronaut.server.host", "127.0.0.1");
    settings.put("micronaut.server.port", "-1");
    settings.put(
        "datasources.default.url",
        "jdbc:h2:file:"
            + folder.resolve("warroom").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;"
            + "DB_CLOSE_ON_EXIT=FALSE");
    settings.put("datasources.default.driver-class-name", "org.h2.Driver");
    settings.put("datasources.default.username", "sa");
    settings.put("datasources.default.password", "");
    return settings;
  }

  /** Runs the incident on a thread of its own, once the sandbox is connected, then exits. */
  void start() {
    new Thread(this::runAndExit, "training-run").start();
  }

  private void runAndExit() {
    long started = System.nanoTime();
    int status = 1;
    try {
      new TrainingIncident(sandbox).run();
      System.out.printf(
          "Warroom training run: one incident declared, run and resolved in %d ms; %s%n",
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          archive().isPresent()
              ? "the JVM now writes the class-data archive"
              : "no -XX:ArchiveClassesAtExit, so no class-data archive is written");
      status = 0;
    } catch (Throwable e) { // an Error too: whatever happened, the JVM must end, or the build waits
      System.err.println("Warroom training run failed: " + e);
    } finally {
      try {
        context.close();
      } catch (Throwable e) {
        System.err.println("Warroom training run could not stop cleanly: " + e);
        status = 1;
      }
      System.exit(status);
    }
  }

  /** Where this JVM writes its archive at exit, if it was asked to. */
  private static Optional<Path> archive() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith(ARCHIVE_OPTION))
        .map(a -> Path.of(a.substring(ARCHIVE_OPTION.length())))
        .findFirst();
  }

  private static void haltWhenLate() {
    try {
      Thread.sleep(DEADLINE.toMillis());
    } catch (InterruptedException e) {
      return;
    }
    System.err.println(
        "Warroom training run did not end within " + DEADLINE.toMinutes() + " minutes; stopping");
    Runtime.getRuntime().halt(2);
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(TrainingRun::delete);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Warroom training run left " + folder + " behind: " + e);
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
