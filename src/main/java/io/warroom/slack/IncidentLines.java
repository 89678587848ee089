package io.warroom.slack;

import io.warroom.chat.Mrkdwn;
import io.warroom.incident.Incident;
import io.warroom.incident.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * One line per incident, for {@code /incident list} and App Home. A private incident shows its
 * title and channel only to the people in it.
 */
public final class IncidentLines {

  private IncidentLines() {}

  public static String line(
      Incident incident, Optional<String> channel, Optional<Instant> nextUpdateDue, String viewer) {
    String head = "• *" + incident.severity().label() + "* · " + incident.status().label();
    if (incident.drill()) {
      head += " · _drill_";
    }
    if (incident.privateIncident() && !involved(incident, viewer)) {
      return head + " · :lock: a private incident";
    }
    return head
        + " · "
        + Mrkdwn.escape(Mrkdwn.truncate(incident.title(), 80))
        + " · IC "
        + incident.holder(Role.COMMANDER).map(Mrkdwn::user).orElse("_none_")
        + " · opened "
        + Mrkdwn.date(incident.declaredAt(), "{ago}")
        + nextUpdateDue.map(d -> " · next update due " + Mrkdwn.date(d, "{time}")).orElse("")
        + channel.map(c -> " · " + Mrkdwn.channel(c)).orElse(" · _war room opening_");
  }

  static boolean involved(Incident incident, String user) {
    if (user.equals(incident.declaredBy())) {
      return true;
    }
    for (Role role : Role.values()) {
      if (incident.holder(role).filter(user::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
