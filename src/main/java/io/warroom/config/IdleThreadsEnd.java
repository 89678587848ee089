package io.warroom.config;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Lets the threads of Micronaut's fixed pools (the 64 IO threads) end after 30 s without work, as a
 * cached pool's do: a fixed pool otherwise keeps every thread it ever started, each with its stack,
 * for the life of the process, though Warroom is idle most of the time. The pools keep their size
 * limit and start threads again as work comes.
 */
@Singleton
final class IdleThreadsEnd implements BeanCreatedEventListener<ExecutorService> {

  static final long IDLE_SECONDS = 30;

  @Override
  public ExecutorService onCreated(BeanCreatedEvent<ExecutorService> event) {
    ExecutorService executor = event.getBean();
    if (executor instanceof ThreadPoolExecutor pool
        && !(executor instanceof ScheduledThreadPoolExecutor)
        && !pool.allowsCoreThreadTimeOut()) {
      pool.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
      pool.allowCoreThreadTimeOut(true);
    }
    return executor;
  }
}
