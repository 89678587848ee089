package io.warroom.alert;

import java.util.List;
import java.util.Map;

/**
 * What one notification says about its group: the group's status and all its alerts, plus the
 * labels and annotations common to them (a fallback for the summary).
 */
public record Notification(
    AlertSource source,
    String sourceKey,
    String status,
    List<Alert> alerts,
    Map<String, String> commonAnnotations) {}
