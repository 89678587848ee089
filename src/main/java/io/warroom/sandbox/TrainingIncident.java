package io.warroom.sandbox;

import io.warroom.fakeslack.AppLink;
import io.warroom.fakeslack.SlackSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The incident a {@link TrainingRun} plays through the sandbox, as people in Slack would: every
 * command, the card's Take command button, messages in the channel and the exploration thread, a
 * pin and an edit, resolve and the postmortem. It returns once Warroom has sent Slack everything it
 * owed, and throws when a step does not happen in time.
 */
final class TrainingIncident {

  private static final Duration STEP_PATIENCE = Duration.ofSeconds(60);

  /** Warroom retries a failed call after 1 s; this much silence means nothing is left to send. */
  private static final Duration QUIET = Duration.ofMillis(1500);

  private final Sandbox sandbox;

  TrainingIncident(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  void run() {
    SlackSimulator slack = sandbox.slack();
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
                    .map(SlackSimulator.Posted::ts)
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
  private static void awaitQuiet(SlackSimulator slack) {
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
}
