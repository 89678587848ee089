package io.warroom.postmortem;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChatUserRepository extends CrudRepository<ChatUser, String> {

  @Query(
      "INSERT INTO chat_user (user_id, name, fetched_at) VALUES (:userId, :name, :at)"
          + " ON CONFLICT DO NOTHING")
  int remember(String userId, String name, Instant at);

  @Query("UPDATE chat_user SET name = :name, fetched_at = :at WHERE user_id = :userId")
  int refresh(String userId, String name, Instant at);
}
