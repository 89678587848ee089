package io.warroom.slack.inbound;

/**
 * One {@code /incident} invocation, after the subcommand word.
 *
 * @param args the text after the subcommand, as Slack sent it (escaped, mentions as {@code <@U…>})
 * @param incident the incident whose channel this is, found by the router for {@link
 *     CommandSpec.Where#INCIDENT_CHANNEL} commands; {@code null} for the others
 */
public record CommandCall(
    String userId,
    String channelId,
    String triggerId,
    String responseUrl,
    String args,
    Long incident) {

  /** The same call, in the channel of this incident. */
  CommandCall in(long incidentId) {
    return new CommandCall(userId, channelId, triggerId, responseUrl, args, incidentId);
  }

  /**
   * The incident whose channel the command was typed in. Only {@link
   * CommandSpec.Where#INCIDENT_CHANNEL} commands have one.
   */
  public long incidentId() {
    if (incident == null) {
      throw new IllegalStateException(
          "Only a command declared INCIDENT_CHANNEL in its CommandSpec is given the incident");
    }
    return incident;
  }
}
