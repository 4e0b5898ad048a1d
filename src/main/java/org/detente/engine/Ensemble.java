package org.detente.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Runs an ensemble: N runs of one compiled model, run i seeded by {@link Rng#runSeed}(master
 * seed, i) alone. Worker threads simulate runs in parallel into a bounded ring of reusable
 * simulators; the calling thread hands them to the sink strictly in index order, so every
 * aggregate is identical whatever the thread count, and memory does not grow with N.
 */
public final class Ensemble {

  private Ensemble() {}

  /**
   * Runs the ensemble.
   *
   * @param model      compiled model (shared, read-only)
   * @param masterSeed master seed
   * @param runs       number of runs
   * @param threads    worker threads (1 = run on the calling thread)
   * @param sink       receives each finished run, in index order, on the calling thread
   * @param progress   receives the number of runs delivered so far (may be null)
   */
  public static void run(
      CompiledModel model, long masterSeed, int runs, int threads, RunSink sink,
      LongConsumer progress) {
    run(model, masterSeed, 0, runs, threads, sink, progress);
  }

  /**
   * Runs the part of an ensemble made of runs {@code firstRun .. firstRun + runs - 1}: each run is
   * exactly the run of that index in the whole ensemble, so parts computed anywhere, merged in
   * index order, give the whole ensemble's results.
   *
   * @param firstRun index of the first run (0 for a whole ensemble)
   * @see #run(CompiledModel, long, int, int, RunSink, LongConsumer)
   */
  public static void run(
      CompiledModel model, long masterSeed, int firstRun, int runs, int threads, RunSink sink,
      LongConsumer progress) {
    if (runs < 0 || firstRun < 0) {
      throw new IllegalArgumentException("runs and the first run must be >= 0");
    }
    if ((long) firstRun + runs > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("run indices beyond " + Integer.MAX_VALUE);
    }
    int nThreads = Math.max(1, threads);
    if (nThreads == 1 || runs < 2) {
      Simulator sim = new Simulator(model);
      for (int i = 0; i < runs; i++) {
        sim.run(masterSeed, firstRun + i);
        sink.accept(sim);
        if (progress != null) {
          progress.accept(i + 1);
        }
      }
      return;
    }
    new Parallel(model, masterSeed, firstRun, runs, nThreads, sink, progress).run();
  }

  private static final class Parallel {
    private final CompiledModel model;
    private final long masterSeed;
    private final int firstRun;
    private final int runs;
    private final int threads;
    private final RunSink sink;
    private final LongConsumer progress;
    private final int slots;
    private final Simulator[] ring;
    private final int[] ready;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicInteger next = new AtomicInteger();
    private int consumed;
    private Throwable failure;
    private volatile boolean stop;

    Parallel(CompiledModel model, long masterSeed, int firstRun, int runs, int threads,
        RunSink sink, LongConsumer progress) {
      this.model = model;
      this.masterSeed = masterSeed;
      this.firstRun = firstRun;
      this.runs = runs;
      this.threads = threads;
      this.sink = sink;
      this.progress = progress;
      this.slots = Math.max(8, threads * 16);
      this.ring = new Simulator[slots];
      this.ready = new int[slots];
      for (int s = 0; s < slots; s++) {
        ring[s] = new Simulator(model);
        ready[s] = -1;
      }
    }

    void run() {
      Thread[] ws = new Thread[threads];
      for (int w = 0; w < threads; w++) {
        ws[w] = new Thread(this::work, "detente-worker-" + w);
        ws[w].setDaemon(true);
        ws[w].start();
      }
      try {
        for (int i = 0; i < runs; i++) {
          int s = i % slots;
          lock.lock();
          try {
            while (ready[s] != i) {
              if (failure != null) {
                throw new IllegalStateException("a worker failed: " + failure, failure);
              }
              changed.awaitUninterruptibly();
            }
          } finally {
            lock.unlock();
          }
          sink.accept(ring[s]);
          lock.lock();
          try {
            ready[s] = -1;
            consumed = i + 1;
            changed.signalAll();
          } finally {
            lock.unlock();
          }
          if (progress != null) {
            progress.accept(i + 1);
          }
        }
      } finally {
        stop = true;
        wakeAndJoin(lock, changed, ws);
      }
    }

    private void work() {
      try {
        while (!stop) {
          int i = next.getAndIncrement();
          if (i >= runs) {
            return;
          }
          int s = i % slots;
          lock.lock();
          try {
            // the slot is free once run i - slots has been consumed
            while (consumed < i - slots + 1 && !stop) {
              changed.awaitUninterruptibly();
            }
          } finally {
            lock.unlock();
          }
          if (stop) {
            return;
          }
          ring[s].run(masterSeed, firstRun + i);
          lock.lock();
          try {
            ready[s] = i;
            changed.signalAll();
          } finally {
            lock.unlock();
          }
        }
      } catch (Throwable t) {
        lock.lock();
        try {
          failure = t;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    }
  }

  /**
   * Wakes every worker waiting on {@code changed} (after the caller has set its stop flag) and
   * waits for them to finish; an interrupt is kept for the caller.
   */
  static void wakeAndJoin(ReentrantLock lock, Condition changed, Thread[] workers) {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
