package io.warroom.room;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * This installation's id, made by the first Warroom that needs it on this database and read by
 * every later one (and every replica): the part of a post's key that no other installation shares.
 */
@Singleton
public class InstallationId {

  private final InstallationRepository rows;
  private volatile String id;

  InstallationId(InstallationRepository rows) {
    this.rows = rows;
  }

  public String get() {
    String known = id;
    if (known == null) {
      known = rows.findById(1).map(Installation::id).orElseGet(this::create);
      id = known;
    }
    return known;
  }

  private String create() {
    try {
      return rows.save(new Installation(1, UUID.randomUUID().toString(), Instant.now())).id();
    } catch (DataAccessException anotherReplicaWasFirst) {
      return rows.findById(1).orElseThrow(() -> anotherReplicaWasFirst).id();
    }
  }
}
