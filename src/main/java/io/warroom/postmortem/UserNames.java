package io.warroom.postmortem;

import io.micronaut.scheduling.TaskExecutors;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatPort;
import jakarta.inject.Named;
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
import java.util.concurrent.Future;
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
 * wait Slack names, as every call is.
 */
@Singleton
class UserNames {

  static final int AT_ONCE = 8;

  private static final Logger LOG = LoggerFactory.getLogger(UserNames.class);
  private static final Duration FRESH = Duration.ofDays(7);

  private final ChatUserRepository cache;
  private final ChatPort chat;
  private final Clock clock;
  private final ExecutorService io;

  UserNames(
      ChatUserRepository cache,
      ChatPort chat,
      Clock clock,
      @Named(TaskExecutors.IO) ExecutorService io) {
    this.cache = cache;
    this.chat = chat;
    this.clock = clock;
    this.io = io;
  }

  Map<String, String> of(Set<String> userIds) {
    Map<String, String> names = new HashMap<>();
    Map<String, ChatUser> stale = new HashMap<>();
    List<String> toFetch = new ArrayList<>();
    Instant now = clock.instant();
    for (String id : userIds) {
      Optional<ChatUser> known = cache.findById(id);
      if (known.isPresent() && known.get().fetchedAt().isAfter(now.minus(FRESH))) {
        names.put(id, known.get().name());
        continue;
      }
      known.ifPresent(k -> stale.put(id, k));
      if (id.startsWith("U") || id.startsWith("W")) {
        toFetch.add(id);
      } else {
        known.ifPresent(k -> names.put(id, k.name()));
      }
    }
    Map<String, String> fetched = fetch(toFetch);
    for (String id : toFetch) {
      String name = fetched.get(id);
      if (name != null) {
        names.put(id, name);
        if (cache.remember(id, name, now) == 0) {
          cache.refresh(id, name, now);
        }
      } else if (stale.containsKey(id)) {
        names.put(id, stale.get(id).name());
      }
    }
    return names;
  }

  /** Asks the chat platform for these names, {@link #AT_ONCE} at a time; those it gave. */
  private Map<String, String> fetch(List<String> ids) {
    Map<String, String> fetched = new ConcurrentHashMap<>();
    Queue<String> left = new ConcurrentLinkedQueue<>(ids);
    List<Future<?>> askers = new ArrayList<>();
    for (int i = 0; i < Math.min(AT_ONCE, ids.size()); i++) {
      askers.add(
          io.submit(
              () -> {
                for (String id = left.poll(); id != null; id = left.poll()) {
                  try {
                    String asked = id;
                    chat.userName(id).ifPresent(name -> fetched.put(asked, name));
                  } catch (ChatFailure unavailable) {
                    LOG.debug("No name for {}: {}", id, unavailable.getMessage());
                  }
                }
              }));
    }
    for (Future<?> asker : askers) {
      try {
        asker.get();
      } catch (ExecutionException e) {
        LOG.warn("Fetching names failed: {}", e.getCause().toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return fetched;
  }
}
