package io.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.support.FakeChat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The names a postmortem draft shows: asked of the chat platform once and remembered, and a draft
 * that is not held up by a slow or failing platform (the person then shows as their id). Through a
 * fake chat port, without starting the app.
 */
@Tag("fast")
class UserNamesTest {

  private final FakeChat chat = new FakeChat();
  private final MemoryUsers cache = new MemoryUsers();
  private UserNames names;

  @AfterEach
  void stop() {
    if (names != null) {
      names.stop();
    }
  }

  private UserNames names(Duration patience) {
    names = new UserNames(cache, chat, Clock.systemUTC(), patience);
    return names;
  }

  @Test
  void aNameIsAskedForOnceThenRemembered() {
    chat.person("U1", "Alex Morgan").person("U2", "Sam Okafor");
    UserNames users = names(Duration.ofSeconds(5));

    assertEquals(Map.of("U1", "Alex Morgan", "U2", "Sam Okafor"), users.of(Set.of("U1", "U2")));
    assertEquals(Map.of("U1", "Alex Morgan"), users.of(Set.of("U1")));
    assertEquals(2, chat.nameLookups(), "the second draft asked nobody");
  }

  @Test
  void someoneThePlatformCannotNameIsLeftOutAndTheOthersAreNamed() {
    chat.person("U1", "Alex Morgan").person("U2", "Sam Okafor").nameUnavailable("U2");

    assertEquals(Map.of("U1", "Alex Morgan"), names(Duration.ofSeconds(5)).of(Set.of("U1", "U2")));
  }

  @Test
  void aSlowPlatformHoldsTheDraftOnlyForThePatience() {
    Set<String> people = IntStream.range(0, 40).mapToObj(i -> "U" + i).collect(Collectors.toSet());
    people.forEach(id -> chat.person(id, "Person " + id));
    chat.nameDelay(Duration.ofMillis(400));

    long start = System.nanoTime();
    Map<String, String> got = names(Duration.ofMillis(600)).of(people);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
    assertTrue(got.size() < people.size(), "some names are left as ids: " + got.size());
    assertTrue(got.size() >= UserNames.AT_ONCE, "names asked at once arrive: " + got.size());
  }

  /** The name cache in memory; only what UserNames uses does anything. */
  static final class MemoryUsers implements ChatUserRepository {
    private final Map<String, ChatUser> rows = new ConcurrentHashMap<>();

    @Override
    public int remember(String userId, String name, java.time.Instant at) {
      return rows.putIfAbsent(userId, new ChatUser(userId, name, at)) == null ? 1 : 0;
    }

    @Override
    public int refresh(String userId, String name, java.time.Instant at) {
      return rows.replace(userId, new ChatUser(userId, name, at)) == null ? 0 : 1;
    }

    @Override
    public Optional<ChatUser> findById(String id) {
      return Optional.ofNullable(rows.get(id));
    }

    @Override
    public <S extends ChatUser> S save(S entity) {
      rows.put(entity.userId(), entity);
      return entity;
    }

    @Override
    public <S extends ChatUser> S update(S entity) {
      return save(entity);
    }

    @Override
    public <S extends ChatUser> List<S> updateAll(Iterable<S> entities) {
      return saveAll(entities);
    }

    @Override
    public <S extends ChatUser> List<S> saveAll(Iterable<S> entities) {
      List<S> out = new ArrayList<>();
      entities.forEach(e -> out.add(save(e)));
      return out;
    }

    @Override
    public boolean existsById(String id) {
      return rows.containsKey(id);
    }

    @Override
    public List<ChatUser> findAll() {
      return List.copyOf(rows.values());
    }

    @Override
    public long count() {
      return rows.size();
    }

    @Override
    public void deleteById(String id) {
      rows.remove(id);
    }

    @Override
    public void delete(ChatUser entity) {
      rows.remove(entity.userId());
    }

    @Override
    public void deleteAll(Iterable<? extends ChatUser> entities) {
      entities.forEach(this::delete);
    }

    @Override
    public void deleteAll() {
      rows.clear();
    }
  }
}
