package io.warroom.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.warroom.alert.Alert;
import io.warroom.chat.ChatFailure;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatPort;
import io.warroom.incident.IncidentService;
import io.warroom.room.InstallationId;
import io.warroom.room.WarRooms;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one alert group under its lease: declares its incident when the group is severe
 * enough, posts its card once (recognising a post whose answer was lost), or redraws it in place.
 */
@Singleton
class TriagePass {

  private static final Logger LOG = LoggerFactory.getLogger(TriagePass.class);
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(60);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final TriageRepository groups;
  private final ChatPort chat;
  private final InstallationId installation;
  private final TriageSettings settings;
  private final IncidentService incidents;
  private final WarRooms rooms;
  private final AutoDeclare autoDeclare;
  private final IncidentAlerts incidentAlerts;

  TriagePass(
      TriageRepository groups,
      ChatPort chat,
      InstallationId installation,
      TriageSettings settings,
      IncidentService incidents,
      WarRooms rooms,
      AutoDeclare autoDeclare,
      IncidentAlerts incidentAlerts) {
    this.incidentAlerts = incidentAlerts;
    this.groups = groups;
    this.chat = chat;
    this.installation = installation;
    this.settings = settings;
    this.incidents = incidents;
    this.rooms = rooms;
    this.autoDeclare = autoDeclare;
  }

  void run(long groupId, TriageLease lease) {
    for (int round = 0; round < 3; round++) {
      TriagedGroup g = groups.findById(groupId).orElse(null);
      if (g == null || g.cardRevision() >= g.revision()) {
        return;
      }
      if (autoDeclare.declareIfDue(g)) {
        continue; // attached now: read it again
      }
      incidentAlerts.report(g);
      step(g, lease);
    }
  }

  private void step(TriagedGroup g, TriageLease lease) {
    long gen = lease.generation();
    if (g.cardTs() == null) {
      String channel = settings.channel().orElse(null);
      if (channel == null || !g.firing() || g.incidentId() != null) {
        // Nothing to show in triage: no channel, resolved before it was posted, or already
        // someone's.
        lease.wrote(groups.setDrawn(g.id(), gen, g.revision()));
        return;
      }
      ChatMessage card = render(g);
      String key = "warroom-alert-" + installation.get() + "-" + g.id();
      Optional<String> earlier =
          g.cardAttemptedAt() == null
              ? Optional.empty()
              : chat.findPosted(channel, null, key, g.cardAttemptedAt().minus(CLOCK_SLACK));
      if (earlier.isPresent()) {
        // Posted by a try whose answer was lost: drawn from an older state, so redraw it next.
        lease.wrote(groups.setCard(g.id(), gen, channel, earlier.get(), 0));
        return;
      }
      lease.wrote(groups.markAttempted(g.id(), gen));
      lease.confirm();
      String ts;
      try {
        ts = chat.post(channel, null, card, key);
      } catch (ChatFailure failure) {
        if (failure.kind() == ChatFailure.Kind.RATE_LIMITED) {
          lease.wrote(groups.restoreAttempted(g.id(), gen, g.cardAttemptedAt()));
          throw failure;
        }
        if (failure.kind() == ChatFailure.Kind.NOT_IN_CHANNEL) {
          chat.join(channel);
          lease.confirm();
          ts = chat.post(channel, null, card, key);
        } else if (failure.isTransient()) {
          throw failure;
        } else {
          giveUp(g, lease, failure);
          return;
        }
      }
      lease.wrote(groups.setCard(g.id(), gen, channel, ts, g.revision()));
    } else {
      lease.confirm();
      try {
        chat.update(g.cardChannel(), g.cardTs(), render(g));
      } catch (ChatFailure failure) {
        if (failure.isTransient()) {
          throw failure;
        }
        giveUp(g, lease, failure);
        return;
      }
      lease.wrote(groups.setDrawn(g.id(), gen, g.revision()));
    }
  }

  /** Slack will never take this card (a channel that is gone): stop trying until it changes. */
  private void giveUp(TriagedGroup g, TriageLease lease, ChatFailure failure) {
    LOG.error("Gave up the card of alert group {}: {}", g.id(), failure.getMessage());
    lease.wrote(groups.setDrawn(g.id(), lease.generation(), g.revision()));
  }

  ChatMessage render(TriagedGroup g) {
    return AlertCardView.render(g, alerts(g.alerts()), incident(g.incidentId()));
  }

  @Nullable
  private AlertCardView.IncidentRef incident(@Nullable Long id) {
    if (id == null) {
      return null;
    }
    return incidents
        .find(id)
        .map(
            i ->
                i.privateIncident()
                    ? new AlertCardView.IncidentRef(id, "private", null)
                    : new AlertCardView.IncidentRef(
                        id, i.title(), rooms.channelOf(id).orElse(null)))
        .orElse(null);
  }

  static List<Alert> alerts(String json) {
    try {
      return List.of(JSON.readValue(json, Alert[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored alerts are not JSON", e);
    }
  }
}
