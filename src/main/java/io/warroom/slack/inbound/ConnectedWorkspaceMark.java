package io.warroom.slack.inbound;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.warroom.config.ConnectedWorkspaces;
import io.warroom.slack.webapi.SlackIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a Slack workspace accepts the token, marks the database as one a Slack-connected Warroom has
 * used, so that a sandbox started on it later stops instead (SPEC section 10). The sandbox's own
 * workspace never marks it.
 */
@Context
@Requires(property = "warroom.sandbox", notEquals = "true")
class ConnectedWorkspaceMark {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectedWorkspaceMark.class);

  ConnectedWorkspaceMark(SlackIdentity identity, ConnectedWorkspaces workspaces) {
    identity.whenKnown(
        auth -> {
          try {
            workspaces.mark(auth.getTeamId() == null ? "unknown" : auth.getTeamId());
          } catch (RuntimeException e) {
            LOG.warn("Could not mark the database as used by a Slack workspace: {}", e.toString());
          }
        });
  }
}
