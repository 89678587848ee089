package io.warroom.home;

import io.warroom.incident.ActionItemService;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Role;
import io.warroom.incident.TaskService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Loads one person's {@link PersonalHome}, and says whose Home a change touches. */
@Singleton
public class HomeBoard {

  /** How far back "recently resolved" goes. */
  public static final Duration RECENT = Duration.ofDays(14);

  /** At most this many tasks, and as many action items, are loaded for one Home. */
  public static final int MAX_ITEMS = 15;

  private final IncidentService incidents;
  private final TaskService tasks;
  private final ActionItemService actionItems;
  private final HomeFigures figures;
  private final Clock clock;

  HomeBoard(
      IncidentService incidents,
      TaskService tasks,
      ActionItemService actionItems,
      HomeFigures figures,
      Clock clock) {
    this.incidents = incidents;
    this.tasks = tasks;
    this.actionItems = actionItems;
    this.figures = figures;
    this.clock = clock;
  }

  public PersonalHome load(String viewer) {
    List<Incident> open = incidents.open();
    List<PersonalHome.RoleHeld> roles = new ArrayList<>();
    for (Incident incident : open) {
      for (Role role : Role.values()) {
        if (incident.holder(role).filter(viewer::equals).isPresent()) {
          roles.add(new PersonalHome.RoleHeld(role, incident));
        }
      }
    }
    var myTasks = tasks.openFor(viewer, MAX_ITEMS + 1);
    var myItems = actionItems.openFor(viewer, MAX_ITEMS + 1);
    Instant since = clock.instant().minus(RECENT);
    List<Incident> resolved =
        incidents.touchedSince(since).stream()
            .filter(i -> i.resolvedAt() != null && !i.isOpen() && !i.resolvedAt().isBefore(since))
            .sorted(Comparator.comparing(Incident::resolvedAt).reversed())
            .toList();
    return new PersonalHome(
        viewer,
        roles,
        myTasks.subList(0, Math.min(MAX_ITEMS, myTasks.size())),
        myTasks.size() > MAX_ITEMS,
        myItems.subList(0, Math.min(MAX_ITEMS, myItems.size())),
        myItems.size() > MAX_ITEMS,
        open,
        resolved,
        figures.lines());
  }

  /** The people who hold a role in {@code incident}, or declared it when a person did. */
  public static Set<String> people(Incident incident) {
    Set<String> people = new TreeSet<>();
    for (Role role : Role.values()) {
      incident.holder(role).ifPresent(people::add);
    }
    if (incident.declaredByPerson()) {
      people.add(incident.declaredBy());
    }
    return people;
  }
}
