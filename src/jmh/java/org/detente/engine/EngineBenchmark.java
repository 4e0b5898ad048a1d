package org.detente.engine;

import org.detente.cli.Models;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full run of a bundled scenario (104 weekly steps or until an absorbing outcome), run index
 * advancing so every invocation is a different run of the same ensemble. Each benchmark thread
 * has its own simulator, as in {@link Ensemble}. Score: runs per second per thread; with
 * {@code -t 2} JMH reports the sum over both threads.
 *
 * <p>Run from the project root: {@code tools/jmh.sh EngineBenchmark -t 2}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(2)
@Threads(1)
@State(Scope.Thread)
public class EngineBenchmark {

  /** Scenario file, relative to the project root. */
  @Param({"scenarios/us-russia-2022.yaml", "scenarios/cuban-missile-crisis-1962.yaml"})
  public String scenario;

  private Simulator simulator;
  private int index;

  /** Loads and compiles the scenario once per fork and thread. */
  @Setup(Level.Trial)
  public void setUp() {
    Scenario sc = ScenarioLoader.load(Path.of(scenario), List.of());
    simulator = new Simulator(Models.compile(sc, ModelParameters.from(sc)));
  }

  /** Simulates the next run of the ensemble with master seed 1; returns its end week. */
  @Benchmark
  public int run() {
    simulator.run(1L, index++);
    return simulator.endWeek();
  }
}
