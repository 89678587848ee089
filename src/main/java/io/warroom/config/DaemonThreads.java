package io.warroom.config;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for Warroom's own pools: named {@code <prefix>1}, {@code <prefix>2}, … so a thread dump
 * says whose they are, and daemons, so a pool never keeps a stopping process alive (each pool's
 * owner shuts it down and finishes its work itself).
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
