package org.detente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.InvalidInputException;
import org.detente.analysis.SummaryJson;
import org.detente.model.Action;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.Rng;
import org.detente.engine.Simulator;
import org.detente.engine.Splitting;
import org.detente.engine.Tracer;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente explain FILE --seed S --run I}: one run as a dated, readable timeline. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Replay one run of an ensemble (exactly run I of 'detente run --seed S', with the same" +
      " default seed) as a dated " +
      "timeline: who did what to whom (action, CAMEO code, Goldstein value), why (expected " +
      "utilities of the best alternatives and the beliefs behind them), channel changes, " +
      "combat, casualties and the outcome."
    })
public final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
  Path file;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.Params params;

  @Option(names = {"-r", "--run"}, paramLabel = "I", defaultValue = "0",
      description = "Index of the run in the ensemble (default: ${DEFAULT-VALUE}).")
  int run;

  @Mixin SharedOptions.Policies policies;

  @Option(names = "--horizon", paramLabel = "WEEKS",
      description = "Override the scenario's horizon in weeks.")
  Integer horizon;

  @Option(names = "--motive", paramLabel = "ACTOR=MOTIVE",
      description = "Fix an actor's motive hypothesis (repeatable), as in 'run --motive'.")
  List<String> motives = new ArrayList<>();

  @Option(names = "--split-path", paramLabel = "PATH",
      description = "Replay a trajectory of a rare-event estimate instead of a run: the"
          + " R:J0,W1:J1,... that 'run --rare' prints (replication, the particle index at each"
          + " splitting stage and the week from which that clone's own stream took over), with"
          + " ;A=K for the type K of actor index A of a stratified estimate (--rare-type-batch).")
  String splitPath;

  @Option(names = "--rare-tilt", paramLabel = "Q", defaultValue = "0",
      description = "With --split-path: the importance sampling of the estimate's last stage"
          + " (as 'run --rare-tilt'; the replay command that run prints gives it)"
          + " (default: ${DEFAULT-VALUE}).")
  double tilt;

  @Option(names = "--all", description = "Also show decisions to wait.")
  boolean all;

  @Option(names = "--alternatives", paramLabel = "K", defaultValue = "3",
      description = "Alternatives shown per decision (default: ${DEFAULT-VALUE}).")
  int alternatives;

  @Mixin SharedOptions.Json json;

  @Override
  public Integer call() {
    if (run < 0) {
      throw new InvalidInputException(Message.AT_LEAST, "--run", 0, run);
    }
    if (alternatives < 0) {
      throw new InvalidInputException(Message.AT_LEAST, "--alternatives", 0, alternatives);
    }
    Splitting.Path path = null;
    if (splitPath != null) {
      path = Splitting.Path.parse(splitPath);
      if (path == null) {
        throw new UsageException(Message.OPTION_VALUE, "--split-path", splitPath,
            "expected R:J0,W1:J1,... (then ;A=K for each type that type sampling drew) as"
                + " 'run --rare' prints it");
      }
    }
    Scenario sc = params.apply(EngineSupport.load(file, policies.names(), horizon));
    CompiledModel m = EngineSupport.fixMotives(EngineSupport.compile(sc), motives);
    PrintWriter out = spec.commandLine().getOut();
    LocalDate asOf = sc.meta().asOf();
    int stepDays = sc.meta().stepDays();
    List<String> lines = new ArrayList<>();
    int[] lastWeek = {-1};
    Simulator sim = new Simulator(m);
    ExplainJson timeline = json.value() ? new ExplainJson(sc, m) : null;
    sim.setTracer(new Tracer() {
      private void header(int week) {
        if (week != lastWeek[0]) {
          lastWeek[0] = week;
          lines.add("");
          lines.add(asOf.plusDays((long) week * stepDays) + "  (week " + week + ")");
        }
      }

      @Override
      public void decision(Simulator s, int week, int a, int b, int n, int[] actions,
          int[] theaters, double[] utility, double[] prob, int chosen) {
        Action act = Action.of(actions[chosen]);
        if (timeline != null) {
          timeline.decision(s, week, a, b, act, theaters[chosen], utility[chosen], prob[chosen],
              all);
          return;
        }
        if (act == Action.WAIT && !all) {
          return;
        }
        header(week);
        StringBuilder sb = new StringBuilder();
        sb.append("  ").append(m.actorId(a)).append(" → ").append(m.actorId(b)).append("  ")
            .append(act.id());
        if (theaters[chosen] >= 0) {
          sb.append(" in ").append(m.theaterId(theaters[chosen]));
        }
        sb.append(act.cameo() == null ? "  [no event]"
            : String.format(Locale.ROOT, "  [CAMEO %s, Goldstein %+.1f]", act.cameo(),
                act.goldstein()));
        lines.add(sb.toString());
        // why: the best alternatives by expected utility
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
          idx[i] = i;
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(utility[y], utility[x]));
        StringBuilder why = new StringBuilder("      why: ");
        for (int i = 0; i < Math.min(alternatives, n); i++) {
          int c = idx[i];
          if (i > 0) {
            why.append(", ");
          }
          why.append(String.format(Locale.ROOT, "%s EU %.3f p %.2f", Action.of(actions[c]).id(),
              utility[c], prob[c]));
        }
        if (!contains(idx, chosen, Math.min(alternatives, n))) {
          why.append(String.format(Locale.ROOT, "; chosen by quantal-response noise: %s EU %.3f"
              + " p %.2f", act.id(), utility[chosen], prob[chosen]));
        }
        lines.add(why.toString());
        lines.add("      " + beliefs(s, m, a, b));
      }

      @Override
      public void note(int week, String text) {
        if (timeline != null) {
          timeline.note(week, text);
          return;
        }
        header(week);
        lines.add("  · " + text);
      }
    });
    String pol = sc.meta().appliedPolicies().isEmpty() ? "(none)"
        : String.join(", ", sc.meta().appliedPolicies());
    if (timeline == null) {
      out.printf(Locale.ROOT, "%s — %s%n", sc.meta().id(), sc.meta().title());
    }
    if (path != null) {
      if (!(tilt >= 0 && tilt < 1)) {
        throw new UsageException(Message.OUT_OF_RANGE, "--rare-tilt", 0, "less than 1", tilt);
      }
      try {
        sim.runSplitPath(seed.value(), path, tilt);
      } catch (IllegalArgumentException e) {
        throw new UsageException(Message.OPTION_VALUE, "--split-path", splitPath,
            e.getMessage());
      }
      if (timeline != null) {
        out.println(timeline.finish(sim, seed.value(), -1, path.spec()));
        out.flush();
        return 0;
      }
      out.printf(Locale.ROOT, "Splitting trajectory %s of master seed %d (replication %d; a"
          + " clone's own stream takes over at each week listed); policies: %s%n", path.spec(),
          seed.value(), path.replication(), pol);
      if (tilt > 0) {
        out.printf(Locale.ROOT, "From week %d, nuclear actions are drawn with probability at"
            + " least %s (importance sampling); likelihood ratio of the trajectory: %.3g%n",
            path.weeks().length == 0 ? 0 : path.weeks()[path.weeks().length - 1], tilt,
            sim.splitWeight());
      }
    } else {
      sim.run(seed.value(), run);
      if (timeline != null) {
        out.println(timeline.finish(sim, seed.value(), run, null));
        out.flush();
        return 0;
      }
      out.printf(Locale.ROOT, "Run %d of master seed %d (run seed %s); policies: %s%n", run,
          seed.value(), Long.toUnsignedString(Rng.runSeed(seed.value(), run)), pol);
    }
    out.println("Private types drawn for this run (unknown to the other actors):");
    for (int a = 0; a < m.actorCount(); a++) {
      if (m.typeCount(a) < 2) {
        continue;
      }
      out.printf(Locale.ROOT, "  %s: resolve %.2f, motive %s%n", m.actorId(a),
          m.resolveLevel(a, sim.resolveLevel(a)), m.motiveId(a, sim.motive(a)));
    }
    for (String l : lines) {
      out.println(l);
    }
    out.println();
    out.printf(Locale.ROOT, "Outcome: %s at week %d (%s); highest rung %d (%s)%n",
        sim.outcome().id(), sim.endWeek(), asOf.plusDays((long) sim.endWeek() * stepDays),
        sim.highestRung(), SummaryJson.rungName(sim.highestRung()));
    int[] ds = sim.decisionStats();
    out.println("Decisions: " + DecisionStatsText.line(
        new long[] {ds[0], ds[1], ds[2], ds[3]}, 1));
    out.println("Deaths:");
    boolean any = false;
    for (int a = 0; a < m.actorCount(); a++) {
      StringBuilder sb = new StringBuilder();
      double tot = 0;
      for (CasualtyKind k : CasualtyKind.values()) {
        double d = sim.deaths(a, k);
        tot += d;
        sb.append(String.format(Locale.ROOT, " %s %s", k.name().toLowerCase(Locale.ROOT),
            Double.isNaN(d) ? "not computable" : String.format(Locale.ROOT, "%,.0f", d)));
      }
      if (tot != 0) {
        out.printf(Locale.ROOT, "  %s:%s%n", m.actorId(a), sb);
        any = true;
      }
    }
    if (!any) {
      out.println("  none");
    }
    out.println("Control at the end:");
    for (int t = 0; t < m.theaterCount(); t++) {
      int c = sim.finalController(t);
      String start = sc.theaters().get(t).control();
      String now = c >= 0 ? m.actorId(c) : "none";
      out.printf(Locale.ROOT, "  %-10s %s%s%n", m.theaterId(t), now,
          now.equals(start) ? "" : " (was " + start + ")");
    }
    out.flush();
    return 0;
  }

  private static boolean contains(Integer[] idx, int c, int k) {
    for (int i = 0; i < k; i++) {
      if (idx[i] == c) {
        return true;
      }
    }
    return false;
  }

  private static String beliefs(Simulator s, CompiledModel m, int a, int b) {
    StringBuilder sb = new StringBuilder();
    sb.append(m.actorId(a)).append(" believes ").append(m.actorId(b)).append(": ");
    int nr = m.resolveCount(b);
    if (nr > 1) {
      sb.append("resolve");
      for (int r = 0; r < nr; r++) {
        double p = 0;
        for (int k = 0; k < m.typeCount(b); k++) {
          if (m.typeResolve(b, k) == r) {
            p += s.belief(a, b, k);
          }
        }
        sb.append(String.format(Locale.ROOT, " %.1f:%.2f", m.resolveLevel(b, r), p));
      }
    } else {
      sb.append(String.format(Locale.ROOT, "resolve %.1f (known)", m.resolveLevel(b, 0)));
    }
    int nm = m.motiveCount(b);
    if (nm > 1) {
      sb.append("; motive");
      for (int mo = 0; mo < nm; mo++) {
        double p = 0;
        for (int k = 0; k < m.typeCount(b); k++) {
          if (m.typeMotive(b, k) == mo) {
            p += s.belief(a, b, k);
          }
        }
        sb.append(String.format(Locale.ROOT, " %s %.2f", m.motiveId(b, mo), p));
      }
    } else {
      sb.append("; motive ").append(m.motiveId(b, 0)).append(" (known)");
    }
    sb.append("; channel ").append(new String[] {"open", "degraded", "severed"}[s.channel(a, b)])
        .append(String.format(Locale.ROOT, "; hostility %.2f", s.hostility(a, b)));
    return sb.toString();
  }
}
