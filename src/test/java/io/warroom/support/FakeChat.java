package io.warroom.support;

import io.micronaut.core.annotation.Nullable;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat port in memory, for fast tests of feature rules that do not need Slack's protocol (the
 * end-to-end tests use the fake Slack over HTTP instead). It keeps channels, posts and people, and
 * can be told to answer names slowly or not at all, as a platform under load does.
 */
public final class FakeChat implements ChatPort {

  /** A message as posted through the port. */
  public record Post(String channelId, @Nullable String threadTs, ChatMessage message, String ts) {}

  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final Map<String, String> topics = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final Set<String> unavailableNames = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nameLookups = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Duration nameDelay = Duration.ZERO;

  /** A person the platform knows by this display name. */
  public FakeChat person(String userId, String name) {
    names.put(userId, name);
    return this;
  }

  /** Asking for this person's name fails, as a platform that is down does. */
  public FakeChat nameUnavailable(String userId) {
    unavailableNames.add(userId);
    return this;
  }

  /**
   * Each name lookup takes this long: the platform is slow (a simulated delay on purpose, not a
   * wait for anything).
   */
  public FakeChat nameDelay(Duration delay) {
    this.nameDelay = delay;
    return this;
  }

  /** How many times a name was asked for. */
  public int nameLookups() {
    return nameLookups.get();
  }

  public List<Post> posts() {
    return List.copyOf(posts);
  }

  public Optional<String> topic(String channelId) {
    return Optional.ofNullable(topics.get(channelId));
  }

  @Override
  public Channel createChannel(String name, boolean isPrivate) {
    if (channels.values().stream().anyMatch(c -> c.name().equals(name))) {
      throw new ChatFailure(ChatFailure.Kind.NAME_TAKEN, "name_taken");
    }
    Channel c = new Channel("C" + ids.incrementAndGet(), name, botUserId(), Instant.now());
    channels.put(c.id(), c);
    return c;
  }

  @Override
  public Optional<Channel> findChannel(String name) {
    return channels.values().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  @Override
  public void invite(String channelId, Collection<String> userIds) {
    members.computeIfAbsent(channelId, c -> ConcurrentHashMap.newKeySet()).addAll(userIds);
  }

  @Override
  public void join(String channelId) {
    invite(channelId, List.of(botUserId()));
  }

  @Override
  public void setTopic(String channelId, String topic) {
    topics.put(channelId, topic);
  }

  @Override
  public String post(String channelId, @Nullable String threadTs, ChatMessage message, String key) {
    String ts = "1700000000." + String.format("%06d", ids.incrementAndGet());
    posts.add(new Post(channelId, threadTs, message, ts));
    return ts;
  }

  @Override
  public Optional<String> findPosted(
      String channelId, @Nullable String threadTs, String key, Instant since) {
    return Optional.empty();
  }

  @Override
  public void update(String channelId, String ts, ChatMessage message) {
    posts.replaceAll(p -> p.ts().equals(ts) ? new Post(channelId, p.threadTs(), message, ts) : p);
  }

  @Override
  public void pin(String channelId, String ts) {}

  @Override
  public String botUserId() {
    return "UBOT";
  }

  @Override
  public Optional<String> userName(String userId) {
    nameLookups.incrementAndGet();
    Duration delay = nameDelay;
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis()); // simulates a slow platform on purpose
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatFailure(ChatFailure.Kind.UNAVAILABLE, "interrupted");
      }
    }
    if (unavailableNames.contains(userId)) {
      throw new ChatFailure(ChatFailure.Kind.UNAVAILABLE, "platform down");
    }
    return Optional.ofNullable(names.get(userId));
  }

  @Override
  public String permalink(String channelId, String ts, @Nullable String threadTs) {
    return "https://chat.example/" + channelId + "/" + ts;
  }

  @Override
  public String uploadFile(String filename, byte[] content) {
    return "F" + ids.incrementAndGet();
  }

  @Override
  public void shareFile(String fileId, String title, String channelId, @Nullable String comment) {}

  @Override
  public void deleteFile(String fileId) {}

  @Override
  public boolean fileShared(String channelId, String fileId, Instant since) {
    return false;
  }
}
