package io.warroom.home;

import io.warroom.incident.ActionItem;
import io.warroom.incident.Incident;
import io.warroom.incident.Role;
import io.warroom.incident.Task;
import java.util.List;

/**
 * One person's App Home, as data: {@code roles} in open incidents, their open {@code tasks} and
 * {@code actionItems} (each with the incident it belongs to), the {@code open} incidents, those
 * {@code resolved} in the last 14 days, and the {@code figures} lines. Lists are capped by the
 * loader; {@code moreTasks} and {@code moreActionItems} say whether there were more.
 */
public record PersonalHome(
    String viewer,
    List<RoleHeld> roles,
    List<Task> tasks,
    boolean moreTasks,
    List<ActionItem> actionItems,
    boolean moreActionItems,
    List<Incident> open,
    List<Incident> resolved,
    List<String> figures) {

  /** A role the viewer holds in an open incident. */
  public record RoleHeld(Role role, Incident incident) {}
}
