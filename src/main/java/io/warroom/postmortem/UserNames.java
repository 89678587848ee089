package io.warroom.postmortem;

import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatPort;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Display names for the people in a draft, from a cache in the database, asking the chat platform
 * for the ones it does not know (or knows from more than a week ago). A name that cannot be fetched
 * stays the id, which is still correct, just less readable.
 */
@Singleton
class UserNames {

  private static final Logger LOG = LoggerFactory.getLogger(UserNames.class);
  private static final Duration FRESH = Duration.ofDays(7);

  private final ChatUserRepository cache;
  private final ChatPort chat;
  private final Clock clock;

  UserNames(ChatUserRepository cache, ChatPort chat, Clock clock) {
    this.cache = cache;
    this.chat = chat;
    this.clock = clock;
  }

  Map<String, String> of(Set<String> userIds) {
    Map<String, String> names = new HashMap<>();
    Instant now = clock.instant();
    for (String id : userIds) {
      Optional<ChatUser> known = cache.findById(id);
      if (known.isPresent() && known.get().fetchedAt().isAfter(now.minus(FRESH))) {
        names.put(id, known.get().name());
        continue;
      }
      try {
        Optional<String> fetched =
            id.startsWith("U") || id.startsWith("W") ? chat.userName(id) : Optional.empty();
        if (fetched.isPresent()) {
          names.put(id, fetched.get());
          if (cache.remember(id, fetched.get(), now) == 0) {
            cache.refresh(id, fetched.get(), now);
          }
        } else {
          known.ifPresent(k -> names.put(id, k.name()));
        }
      } catch (ChatFailure unavailable) {
        LOG.debug("No name for {}: {}", id, unavailable.getMessage());
        known.ifPresent(k -> names.put(id, k.name()));
      }
    }
    return names;
  }
}
