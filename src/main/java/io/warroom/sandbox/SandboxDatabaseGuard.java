package io.warroom.sandbox;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.warroom.config.ConnectedWorkspaces;
import io.warroom.config.StartupProblem;

/**
 * The sandbox never runs on a database a Slack-connected Warroom has used (SPEC section 10): it
 * would claim that Warroom's rooms, send its pending posts to the fake workspace and answer its
 * health checks. Start-up stops with one line instead.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE) // before anything else reads or sweeps the database
@Requires(beans = Sandbox.class)
class SandboxDatabaseGuard {

  SandboxDatabaseGuard(ConnectedWorkspaces workspaces) {
    workspaces
        .first()
        .ifPresent(
            team -> {
              throw new StartupProblem(
                  "the sandbox will not run on the database DATASOURCES_DEFAULT_URL names: a"
                      + " Warroom connected to Slack workspace "
                      + team
                      + " has used it. Unset DATASOURCES_DEFAULT_URL to give the sandbox its own");
            });
  }
}
