package io.warroom.incident;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Tasks the IC delegates: created, listed, done by whoever presses Done. */
@Singleton
public class TaskService {

  private final TaskRepository tasks;
  private final IncidentLocks locks;
  private final IncidentEvents events;
  private final Clock clock;

  TaskService(TaskRepository tasks, IncidentLocks locks, IncidentEvents events, Clock clock) {
    this.tasks = tasks;
    this.locks = locks;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Task create(long incidentId, String assignee, String text, String by) {
    String what =
        IncidentRules.requireText(text, "`/incident task @bob Check the DB connection pool`");
    Incident incident = locks.lock(incidentId);
    if (!incident.isOpen()) {
      throw new Refusal(
          "This incident is resolved, so it cannot change. Follow-ups are action items:"
              + " `/incident action <text>`; or `/incident reopen` if the problem is back.");
    }
    Instant now = clock.instant();
    Task task = tasks.save(new Task(null, incidentId, assignee, what, by, now, null, null));
    events.publish(new IncidentEvent.TaskCreated(incidentId, task, by, now));
    return task;
  }

  /** Marks a task done; anyone may, and who did is recorded. Done twice is refused. */
  @Transactional
  public Task complete(long taskId, String by) {
    Task task =
        tasks.findById(taskId).orElseThrow(() -> new Refusal("That task no longer exists."));
    Instant now = clock.instant();
    if (tasks.complete(taskId, by, now) == 0) {
      String doneBy = tasks.findById(taskId).map(Task::doneBy).orElse(null);
      throw new Refusal(
          "That task was already done" + (doneBy == null ? "." : " by <@" + doneBy + ">."));
    }
    Task done =
        new Task(
            task.id(),
            task.incidentId(),
            task.assignee(),
            task.text(),
            task.createdBy(),
            task.createdAt(),
            by,
            now);
    events.publish(new IncidentEvent.TaskDone(task.incidentId(), done, by, now));
    return done;
  }

  /** Up to {@code limit} open tasks assigned to {@code user}, in any incident, oldest first. */
  @ReadOnly
  public List<Task> openFor(String user, int limit) {
    return tasks.findOpenByAssignee(user, limit);
  }

  @ReadOnly
  public List<Task> open(long incidentId) {
    return tasks.findByIncident(incidentId).stream().filter(t -> !t.isDone()).toList();
  }
}
