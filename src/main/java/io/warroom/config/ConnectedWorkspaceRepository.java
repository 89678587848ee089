package io.warroom.config;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConnectedWorkspaceRepository extends GenericRepository<ConnectedWorkspace, String> {

  @Query(
      "INSERT INTO connected_workspace (team_id, connected_at) VALUES (:teamId, :at)"
          + " ON CONFLICT DO NOTHING")
  int mark(String teamId, Instant at);

  Optional<ConnectedWorkspace> findFirstOrderByConnectedAt();
}
