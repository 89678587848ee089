package io.warroom.config;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Bounds every wait on the database, so a stalled or unreachable database fails a request in time
 * for Warroom to answer Slack within its three seconds instead of hanging it: Hikari gives up on a
 * connection after {@code datasources.default.connection-timeout} (2 s, in application.yml), and
 * here each statement after {@code warroom.database.statement-timeout} (10 s) and, on PostgreSQL,
 * each connect after 2 s and each network read after {@code warroom.database.socket-timeout} (30
 * s). A setting already in the configuration wins.
 */
@Singleton
class DatabaseTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

  private final Duration statementTimeout;
  private final Duration socketTimeout;

  DatabaseTimeouts(
      @Value("${warroom.database.statement-timeout:10s}") Duration statementTimeout,
      @Value("${warroom.database.socket-timeout:30s}") Duration socketTimeout) {
    this.statementTimeout = statementTimeout;
    this.socketTimeout = socketTimeout;
  }

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration ds = event.getBean();
    String url = ds.getUrl() == null ? "" : ds.getUrl();
    if (url.startsWith("jdbc:postgresql:")) {
      var props = ds.getDataSourceProperties();
      props.putIfAbsent("connectTimeout", "2");
      props.putIfAbsent("socketTimeout", String.valueOf(Math.max(1, socketTimeout.toSeconds())));
      props.putIfAbsent("options", "-c statement_timeout=" + statementTimeout.toMillis());
    } else if (url.startsWith("jdbc:h2:") && ds.getConnectionInitSql() == null) {
      ds.setConnectionInitSql("SET QUERY_TIMEOUT " + statementTimeout.toMillis());
    }
    return ds;
  }
}
