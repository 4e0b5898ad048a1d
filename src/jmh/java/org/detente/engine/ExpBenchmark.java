package org.detente.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one quantal-response weight: the exponential of a utility difference in [-40, 0], as
 * in the engine's likelihood loop, summed so nothing is optimised away. Gives the floor under
 * the engine's time per utility term ({@code detente bench engine}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExpBenchmark {

  private static final int N = 1024;
  private final double[] x = new double[N];

  /** Arguments spread over [-40, 0] by a fixed sequence. */
  @Setup
  public void setUp() {
    Rng rng = new Rng();
    rng.seed(1);
    for (int i = 0; i < N; i++) {
      x[i] = -40 * rng.nextDouble();
    }
  }

  /** Table-method exponential, as the engine uses it. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double fastExp() {
    double s = 0;
    for (int i = 0; i < N; i++) {
      s += FastMath.expInRange(x[i]);
    }
    return s;
  }

  /** The JDK's Math.exp, for comparison. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double mathExp() {
    double s = 0;
    for (int i = 0; i < N; i++) {
      s += Math.exp(x[i]);
    }
    return s;
  }
}
