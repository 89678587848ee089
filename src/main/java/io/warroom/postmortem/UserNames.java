package io.warroom.postmortem;

import io.micronaut.context.annotation.Value;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatPort;
import io.warroom.config.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Display names for the people in a draft, from a cache in the database, asking the chat platform
 * for the ones it does not know (or knows from more than a week ago). A name that cannot be fetched
 * stays the id, which is still correct, just less readable.
 *
 * <p>The names it must fetch are asked for {@link #AT_ONCE} at a time: one after another, the 40
 * people of a large incident took 2-4 s against Slack (50-100 ms a call), which the draft waited
 * for. Slack allows {@code users.info} well over 100 calls a minute, and a 429 is retried after the
 * wait Slack names, as every call is. The asking runs on threads of its own, shared by all drafts,
 * so the request threads that ack Slack never wait on a slow Slack for a draft; a draft waits at
 * most 30 s ({@code warroom.postmortem.name-patience}) for names, and shows ids for the rest.
 */
@Singleton
class UserNames {

  static final int AT_ONCE = 8;

  private static final Logger LOG = LoggerFactory.getLogger(UserNames.class);
  private static final Duration FRESH = Duration.ofDays(7);

  private final ChatUserRepository cache;
  private final ChatPort chat;
  private final Clock clock;
  private final ExecutorService askers;
  private final Duration patience;

  UserNames(
      ChatUserRepository cache,
      ChatPort chat,
      Clock clock,
      @Value("${warroom.postmortem.name-patience:30s}") Duration patience) {
    this.cache = cache;
    this.chat = chat;
    this.clock = clock;
    this.patience = patience;
    this.askers = Executors.newFixedThreadPool(AT_ONCE, DaemonThreads.named("user-names-"));
  }

  @PreDestroy
  void stop() {
    askers.shutdownNow();
  }

  Map<String, String> of(Set<String> userIds) {
    Map<String, String> names = new HashMap<>();
    List<String> toFetch = new ArrayList<>();
    Instant now = clock.instant();
    for (String id : userIds) {
      Optional<ChatUser> known = cache.findById(id);
      // A name known from before stays, unless Slack gives a newer one below.
      known.ifPresent(k -> names.put(id, k.name()));
      boolean fresh = known.isPresent() && known.get().fetchedAt().isAfter(now.minus(FRESH));
      if (!fresh && (id.startsWith("U") || id.startsWith("W"))) {
        toFetch.add(id);
      }
    }
    fetch(toFetch)
        .forEach(
            (id, name) -> {
              names.put(id, name);
              if (cache.remember(id, name, now) == 0) {
                cache.refresh(id, name, now);
              }
            });
    return names;
  }

  /**
   * Asks the chat platform for these names, {@link #AT_ONCE} at a time; those it gave within the
   * patience ({@code warroom.postmortem.name-patience}, 30 s).
   */
  private Map<String, String> fetch(List<String> ids) {
    Map<String, String> fetched = new ConcurrentHashMap<>();
    Queue<String> left = new ConcurrentLinkedQueue<>(ids);
    long deadline = System.nanoTime() + patience.toNanos();
    List<Future<?>> asking = new ArrayList<>();
    for (int i = 0; i < Math.min(AT_ONCE, ids.size()); i++) {
      asking.add(
          askers.submit(
              () -> {
                for (String id = left.poll();
                    id != null && System.nanoTime() < deadline;
                    id = left.poll()) {
                  try {
                    String asked = id;
                    chat.userName(id).ifPresent(name -> fetched.put(asked, name));
                  } catch (ChatFailure unavailable) {
                    LOG.debug("No name for {}: {}", id, unavailable.getMessage());
                  }
                }
              }));
    }
    for (Future<?> asker : asking) {
      long wait = deadline - System.nanoTime();
      try {
        asker.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
      } catch (TimeoutException slow) {
        LOG.warn(
            "Slack gave {} of {} names within {} s",
            fetched.size(),
            ids.size(),
            patience.toSeconds());
        break;
      } catch (ExecutionException e) {
        LOG.warn("Fetching names failed: {}", e.getCause().toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new HashMap<>(fetched);
  }
}
