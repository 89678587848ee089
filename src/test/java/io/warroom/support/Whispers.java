package io.warroom.support;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.FakeSlack.Whisper;
import java.util.Optional;

/** Ephemeral messages ("Only visible to you") that reach a user after some point in a test. */
public final class Whispers {

  private Whispers() {}

  /** How many the user has had so far: pass it to {@link #awaitNew} as the point to look from. */
  public static int count(FakeSlack slack, String user) {
    return slack.ephemerals(user).size();
  }

  /** Waits for a new ephemeral to the user containing the text; returns its whole text. */
  public static String awaitNew(FakeSlack slack, String user, int since, String containing) {
    TestApp.await(
        "an ephemeral saying " + containing,
        () -> find(slack, user, since, containing).isPresent());
    return find(slack, user, since, containing).orElseThrow();
  }

  private static Optional<String> find(FakeSlack slack, String user, int since, String containing) {
    return slack.ephemerals(user).stream()
        .skip(since)
        .map(Whisper::text)
        .filter(t -> t.contains(containing))
        .findFirst();
  }
}
