package io.warroom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.warroom.config.ConnectedWorkspaces;
import io.warroom.config.StartupProblem;
import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.FakeSlack;
import io.warroom.support.TestApp;
import io.warroom.support.WarroomProcess;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 10: the sandbox has no login, so it fails closed. It listens on loopback only; an
 * empty {@code SLACK_BOT_TOKEN} is an error, not a request for it; it refuses a database a
 * Slack-connected Warroom has used; and its long polls cannot take the threads that answer Slack.
 */
class SandboxFailsClosedTest {

  private static ApplicationContext sandboxOn(Sandbox sandbox, String jdbcUrl) {
    Map<String, Object> props = new HashMap<>(sandbox.settings(Map.of()));
    props.put("micronaut.server.port", -1);
    props.put("datasources.default.url", jdbcUrl);
    ApplicationContext context =
        ApplicationContext.builder().properties(props).singletons(sandbox).start();
    context.getBean(EmbeddedServer.class).start();
    return context;
  }

  private static Optional<InetAddress> anOtherAddressOfThisMachine() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> other = anOtherAddressOfThisMachine();
    assumeTrue(other.isPresent(), "this machine has no address but loopback");
    Sandbox sandbox = Sandbox.start();
    try (ApplicationContext context = sandboxOn(sandbox, TestApp.inMemoryDatabase())) {
      int port = context.getBean(EmbeddedServer.class).getPort();
      try (Socket local = new Socket()) {
        local.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      }
      assertThrows(
          IOException.class,
          () -> {
            try (Socket remote = new Socket()) {
              remote.connect(new InetSocketAddress(other.get(), port), 2000);
            }
          },
          "reachable at " + other.get().getHostAddress() + ":" + port);
    }
  }

  @Test
  void anEmptyBotTokenStopsStartUpWithOneLine() throws Exception {
    Path dir = Files.createTempDirectory("warroom-empty-token");
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "");
    env.put("SLACK_SIGNING_SECRET", "");
    env.put("DATASOURCES_DEFAULT_URL", "jdbc:h2:file:" + dir.resolve("warroom"));
    try (WarroomProcess app = WarroomProcess.start(env, null)) {
      assertEquals(1, app.waitFor(Duration.ofSeconds(90)), app.output());
      List<String> lines = app.stderr().lines().filter(l -> l.contains("cannot start")).toList();
      assertEquals(1, lines.size(), app.output());
      assertTrue(lines.get(0).contains("SLACK_BOT_TOKEN is set but empty"), lines.get(0));
      assertTrue(!app.stdout().contains("Warroom sandbox: open"), app.output());
    }
  }

  @Test
  void refusesADatabaseASlackConnectedWarroomHasUsed() {
    String jdbcUrl = TestApp.inMemoryDatabase();
    try (TestApp slackConnected =
        TestApp.start(
            FakeSlack.start(TestApp.BOT_TOKEN, TestApp.SIGNING_SECRET), jdbcUrl, Map.of())) {
      ConnectedWorkspaces marks = slackConnected.bean(ConnectedWorkspaces.class);
      TestApp.await("the database marked", () -> marks.first().isPresent());
    }
    Sandbox sandbox = Sandbox.start();
    try {
      Throwable failure = assertThrows(Throwable.class, () -> sandboxOn(sandbox, jdbcUrl).close());
      StartupProblem problem =
          StartupProblem.findIn(failure).orElseThrow(() -> new AssertionError(failure));
      assertTrue(problem.getMessage().contains("has used it"), problem.getMessage());
      assertEquals(1, problem.getMessage().lines().count());
    } finally {
      sandbox.close();
    }
    // The sandbox's own database is never marked, so it can start again on it.
    Sandbox again = Sandbox.start();
    String own = TestApp.inMemoryDatabase();
    sandboxOn(again, own).close();
    sandboxOn(Sandbox.start(), own).close();
  }

  @Test
  void longPollsNeverTakeTheThreadsThatAnswerSlack() throws Exception {
    Sandbox sandbox = Sandbox.start();
    try (ApplicationContext context = sandboxOn(sandbox, TestApp.inMemoryDatabase())) {
      int port = context.getBean(EmbeddedServer.class).getPort();
      sandbox.slack().connect(URI.create("http://127.0.0.1:" + port + "/slack/events"));
      String alex = sandbox.people().get(0);
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port + "/sandbox/api/state?as=" + alex;
      String first =
          http.send(
                  HttpRequest.newBuilder(URI.create(base)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      long version = Long.parseLong(first.replaceAll(".*\"version\":(\\d+).*", "$1"));
      // More than the 64 request threads: before, each held one for 20 seconds.
      List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        polls.add(
            http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "&since=" + version)).build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      SandboxController page = context.getBean(SandboxController.class);
      TestApp.await(
          "polls waiting or refused",
          Duration.ofSeconds(20),
          () ->
              polls.stream().filter(CompletableFuture::isDone).count()
                  >= 80 - SandboxController.MAX_WAITING);
      assertTrue(page.waiting() <= SandboxController.MAX_WAITING, page.waiting() + " waiting");
      long refused =
          polls.stream()
              .filter(CompletableFuture::isDone)
              .filter(p -> p.join().statusCode() == 429)
              .count();
      assertEquals(80 - SandboxController.MAX_WAITING, refused);

      long started = System.nanoTime();
      AppLink.Reply help = sandbox.slack().app().command(alex, sandbox.generalChannel(), "help");
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(200, help.status(), help.body());
      assertTrue(millis < 3000, "Slack's request answered in " + millis + " ms");
    }
  }
}
