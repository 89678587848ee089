package io.warroom.support;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A war-room channel in the fake Slack, as a test reads it. */
public final class Room {

  private final FakeSlack slack;
  public final String id;
  public final String name;

  private Room(FakeSlack slack, String id, String name) {
    this.slack = slack;
    this.id = id;
    this.name = name;
  }

  /**
   * Waits for the channel with exactly this name, fully built: card pinned, thread started, and
   * someone invited (the steps after the card run side by side, so any may finish last).
   */
  public static Room await(FakeSlack slack, String name) {
    return await(slack, name, Duration.ofSeconds(10));
  }

  public static Room await(FakeSlack slack, String name, Duration max) {
    TestApp.await("channel " + name, max, () -> slack.channelId(name).isPresent());
    Room room = new Room(slack, slack.channelId(name).orElseThrow(), name);
    TestApp.await(
        "war room " + name + " built",
        max,
        () ->
            !slack.pins(room.id).isEmpty()
                && room.thread().isPresent()
                && room.members().stream().anyMatch(m -> !m.equals(slack.botUserId())));
    return room;
  }

  /** The war-room channel whose name contains this text, once there is exactly one. */
  public static Room awaitContaining(FakeSlack slack, String fragment) {
    TestApp.await(
        "a channel containing " + fragment,
        () -> slack.channelNames().stream().anyMatch(n -> n.contains(fragment)));
    String name =
        slack.channelNames().stream().filter(n -> n.contains(fragment)).findFirst().orElseThrow();
    return await(slack, name);
  }

  public List<Posted> messages() {
    return slack.messages(id);
  }

  /** Messages Warroom posted (not other apps'). */
  public List<Posted> botMessages() {
    return messages().stream().filter(m -> slack.botUserId().equals(m.user())).toList();
  }

  /** The pinned incident card, as it stands now. */
  public Posted card() {
    String ts = slack.pins(id).iterator().next();
    return slack.message(id, ts).orElseThrow();
  }

  public Optional<Posted> thread() {
    return botMessages().stream().filter(m -> m.text().contains("exploration thread")).findFirst();
  }

  public String topic() {
    return slack.topic(id);
  }

  public Set<String> members() {
    return slack.members(id);
  }

  /** Bot messages (not the card or the thread starter) whose text contains this. */
  public List<Posted> botPostsContaining(String text) {
    return botMessages().stream().filter(m -> m.allText().contains(text)).toList();
  }
}
