package io.warroom.slack.home;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.warroom.chat.ChatFailure;
import io.warroom.home.HomeBoard;
import io.warroom.incident.Incident;
import io.warroom.incident.IncidentEvent;
import io.warroom.slack.webapi.HomePublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Republishes the Home tab of each person a change touches, not only when they open it: their role,
 * task or action item changed, or an incident was declared, mitigated, resolved or reopened (which
 * changes everyone's list: everyone who opened Home since this process started).
 *
 * <p>People wait in one set, so ten changes for one person while a publish runs make one more
 * publish. One thread publishes them in turn through the Web API pacer, so a change touching 200
 * people is spread over two minutes rather than running into {@code views.publish}'s limit (100 a
 * minute); when the budget is used up the thread waits the time the pacer says. A refresh that
 * fails otherwise is dropped: opening the tab redraws it from the database.
 */
@Singleton
class HomeRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(HomeRefresher.class);

  private final AppHome home;
  private final Provider<HomePublisher> publisher;
  private final Duration gather;
  private final Set<String> pending = new LinkedHashSet<>();
  private Thread worker;
  private volatile boolean stopped;

  HomeRefresher(
      AppHome home,
      Provider<HomePublisher> publisher,
      @Value("${warroom.home.gather:300ms}") Duration gather) {
    this.home = home;
    this.publisher = publisher;
    this.gather = gather;
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.Declared e) {
    everyone(e.incident());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.Mitigated e) {
    everyone(e.incident());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.Resolved e) {
    everyone(e.incident());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.Reopened e) {
    everyone(e.incident());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.RoleAssigned e) {
    refresh(e.assignee(), e.previous());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.CommandChanged e) {
    refresh(e.from(), e.to());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.TaskCreated e) {
    refresh(e.task().assignee());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.TaskDone e) {
    refresh(e.task().assignee());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.ActionItemRecorded e) {
    refresh(e.item().owner());
  }

  @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
  void on(IncidentEvent.ActionItemClosed e) {
    refresh(e.item().owner());
  }

  /** A change to the list of incidents: its people, and everyone who opened Home. */
  private void everyone(Incident incident) {
    Set<String> people = new TreeSet<>(HomeBoard.people(incident));
    people.addAll(home.viewers());
    refresh(people);
  }

  private void refresh(String... people) {
    Set<String> set = new TreeSet<>();
    for (String person : people) {
      if (person != null) {
        set.add(person);
      }
    }
    refresh(set);
  }

  /** Queues the people among {@code touched} who are Slack users (not an alert source, say). */
  private void refresh(Set<String> touched) {
    touched.removeIf(p -> !p.matches("[UW][A-Z0-9]{2,}"));
    if (!touched.isEmpty()) {
      enqueue(touched);
    }
  }

  void enqueue(Collection<String> people) {
    synchronized (pending) {
      if (stopped) {
        return;
      }
      pending.addAll(people);
      if (worker == null || !worker.isAlive()) {
        worker = new Thread(this::drain, "home-refresh");
        worker.setDaemon(true);
        worker.start();
      }
      pending.notifyAll();
    }
  }

  private void drain() {
    try {
      drainWhileRunning();
    } finally {
      synchronized (pending) {
        worker = null; // whatever ended this thread, the next change starts another
      }
    }
  }

  private void drainWhileRunning() {
    while (!stopped) {
      String user;
      try {
        synchronized (pending) {
          while (pending.isEmpty() && !stopped) {
            pending.wait();
          }
          if (stopped) {
            return;
          }
        }
        Thread.sleep(gather.toMillis()); // lets a burst of changes gather into one publish each
        synchronized (pending) {
          Iterator<String> first = pending.iterator();
          user = first.next();
          first.remove();
        }
      } catch (InterruptedException e) {
        return;
      }
      publish(user);
    }
  }

  private void publish(String user) {
    try {
      publisher.get().publish(user, home.render(user, null));
    } catch (ChatFailure failure) {
      if (failure.kind() == ChatFailure.Kind.RATE_LIMITED) {
        synchronized (pending) {
          pending.add(user);
        }
        pause(failure.retryAfter().orElse(Duration.ofSeconds(1)));
      } else {
        LOG.warn("Could not refresh a Home tab ({}); it is redrawn when opened", failure.kind());
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not refresh a Home tab; it is redrawn when opened", e);
    }
  }

  private void pause(Duration wait) {
    try {
      Thread.sleep(Math.max(50, wait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  /** How many people wait for a refresh (for tests). */
  int pending() {
    synchronized (pending) {
      return pending.size();
    }
  }

  @PreDestroy
  void stop() {
    synchronized (pending) {
      stopped = true;
      pending.notifyAll();
    }
    Thread running;
    synchronized (pending) {
      running = worker;
    }
    if (running != null) {
      running.interrupt();
    }
  }
}
