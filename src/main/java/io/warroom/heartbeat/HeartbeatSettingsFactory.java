package io.warroom.heartbeat;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.warroom.config.SettingParser;
import io.warroom.incident.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code WARROOM_HEARTBEAT_SEV1} ... {@code _SEV4} and {@code WARROOM_SCHEDULER_TICK}. */
@Factory
class HeartbeatSettingsFactory {

  @Context
  HeartbeatSettings heartbeatSettings(
      @Value("${warroom.heartbeat.sev1:15m}") String sev1,
      @Value("${warroom.heartbeat.sev2:30m}") String sev2,
      @Value("${warroom.heartbeat.sev3:60m}") String sev3,
      @Value("${warroom.heartbeat.sev4:off}") String sev4,
      @Value("${warroom.scheduler-tick:15s}") String tick) {
    Map<Severity, Optional<Duration>> cadences = new EnumMap<>(Severity.class);
    cadences.put(Severity.SEV1, SettingParser.durationOrOff("WARROOM_HEARTBEAT_SEV1", sev1));
    cadences.put(Severity.SEV2, SettingParser.durationOrOff("WARROOM_HEARTBEAT_SEV2", sev2));
    cadences.put(Severity.SEV3, SettingParser.durationOrOff("WARROOM_HEARTBEAT_SEV3", sev3));
    cadences.put(Severity.SEV4, SettingParser.durationOrOff("WARROOM_HEARTBEAT_SEV4", sev4));
    return new HeartbeatSettings(cadences, SettingParser.duration("WARROOM_SCHEDULER_TICK", tick));
  }
}
