import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interleaved A/B/... comparison of engine builds in one JVM: each jar in its own class loader,
 * blocks of runs of the seed scenario alternating between the jars, thread CPU time per run and
 * per utility term. Usage: java tools/EngineAB.java BLOCKS RUNS_PER_BLOCK NAME=JAR:SCENARIO ...
 * (a build without cli.Models, from before the engine refactor, compiles with
 * CompiledModel.compile). Prints the min and median over the blocks for each jar.
 */
public class EngineAB {

  static final class Engine {
    final String name;
    final Object sim;
    final Method run;
    final Method work;
    int next;
    final List<Double> usPerRun = new ArrayList<>();
    final List<Double> nsPerTerm = new ArrayList<>();

    Engine(String name, String jar, String scenario) throws Exception {
      this.name = name;
      URLClassLoader cl = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> sl = cl.loadClass("org.detente.scenario.ScenarioLoader");
      Class<?> scc = cl.loadClass("org.detente.scenario.Scenario");
      Object sc = sl.getMethod("load", Path.class).invoke(null, Path.of(scenario));
      Class<?> mpc = cl.loadClass("org.detente.engine.ModelParameters");
      Object p = mpc.getMethod("from", scc).invoke(null, sc);
      Object model;
      try {
        Class<?> models = cl.loadClass("org.detente.cli.Models");
        model = models.getMethod("compile", scc, mpc).invoke(null, sc, p);
      } catch (ClassNotFoundException e) {
        Class<?> cm = cl.loadClass("org.detente.engine.CompiledModel");
        model = cm.getMethod("compile", scc, mpc).invoke(null, sc, p);
      }
      Class<?> simc = cl.loadClass("org.detente.engine.Simulator");
      sim = simc.getConstructor(model.getClass()).newInstance(model);
      run = simc.getMethod("run", long.class, int.class);
      work = simc.getMethod("lastRunWork");
    }

    /** Runs n runs; returns {cpu ns, utility terms}. */
    long[] block(int n, ThreadMXBean mx) throws Exception {
      long terms = 0;
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        run.invoke(sim, 1L, next++);
        terms += ((long[]) work.invoke(sim))[2];
      }
      long t1 = mx.getCurrentThreadCpuTime();
      return new long[] {t1 - t0, terms};
    }
  }

  public static void main(String[] args) throws Exception {
    int blocks = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<Engine> es = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      String[] js = kv[1].split(":", 2);
      es.add(new Engine(kv[0], js[0], js[1]));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    // warm-up: 4 blocks each, not recorded
    for (int w = 0; w < 4; w++) {
      for (Engine e : es) {
        e.block(runs, mx);
      }
    }
    for (Engine e : es) {
      e.next = 0;
    }
    for (int b = 0; b < blocks; b++) {
      // rotate the order each block
      for (int j = 0; j < es.size(); j++) {
        Engine e = es.get((b + j) % es.size());
        long[] r = e.block(runs, mx);
        e.usPerRun.add(r[0] / 1e3 / runs);
        e.nsPerTerm.add((double) r[0] / r[1]);
      }
      if (b % 5 == 4) {
        System.err.println("block " + (b + 1));
      }
    }
    for (Engine e : es) {
      double[] u = e.usPerRun.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] t = e.nsPerTerm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf("%-6s thread CPU per run: min %.1f us, median %.1f us;"
              + " per utility term: min %.2f ns, median %.2f ns (%d blocks of %d runs)%n",
          e.name, u[0], u[u.length / 2], t[0], t[t.length / 2], u.length, runs);
    }
  }
}
