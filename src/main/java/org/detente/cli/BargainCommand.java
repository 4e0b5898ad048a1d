package org.detente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detente.DetenteException;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.bargain.BargainInputs;
import org.detente.model.BargainProblem;
import org.detente.bargain.SmpParameters;
import org.detente.bargain.SmpResult;
import org.detente.bargain.SmpScenario;
import org.detente.bargain.SpatialModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detente bargain}: runs the expected-utility negotiation model on one input file. */
@Command(
    name = "bargain",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast a negotiation with the expected-utility spatial model (KTAB's SMP). " +
      "Input: a KTAB SMP scenario (.csv, .xml) or a Detente scenario's issues (.yaml). " +
      "Output: each actor's position per turn, the outcome per dimension, and which " +
      "bargain (initiator -> receiver) moved each actor."
    })
public final class BargainCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "KTAB CSV/XML or Detente YAML scenario.")
  Path file;

  @Option(
      names = "--dimensions",
      split = ",",
      paramLabel = "DIM",
      description = "Dimensions (issue ids for YAML) to use, comma separated; default all.")
  List<String> dimensions = new ArrayList<>();

  // not the shared --seed: its default comes from the input file, and KTAB's seeds are unsigned
  @Option(
      names = {"-s", "--seed"},
      paramLabel = "S",
      description = "Seed of the random streams (stochastic transitions only); default: the file's "
          + "prngSeed, else KTAB's default 15455440707583219804.")
  String seed;

  @Option(
      names = {"-P", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Override a model option with KTAB's names, e.g. -P VotingRule=PropCbc "
          + "-P StateTransitions=Stochastic.")
  Map<String, String> overrides = new java.util.LinkedHashMap<>();

  @Option(names = "--max-turns", paramLabel = "N", description = "Turn limit (default ${DEFAULT-VALUE}, as KTAB).")
  int maxTurns = SpatialModel.MAX_TURNS;

  @Mixin SharedOptions.Threads threads = new SharedOptions.Threads(1);

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.ProgressFlags progressFlags;

  @Option(
      names = "--rounds-out",
      paramLabel = "FILE.csv",
      description = "Write one CSV row per turn, actor and dimension: turn,actor,dim_index,dim,position.")
  Path roundsOut;

  @Override
  public Integer call() throws IOException {
    if (threads.value() < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--threads", 1, threads.value());
    }
    if (maxTurns < 1) {
      throw new InvalidInputException(Message.AT_LEAST, "--max-turns", 1, maxTurns);
    }
    SmpScenario sc = BargainInputs.load(file, dimensions);
    if (seed != null) {
      sc = sc.withSeed(parseSeed(seed));
    }
    if (!overrides.isEmpty()) {
      sc = sc.withParameters(BargainInputs.override(sc.parameters(), overrides));
    }
    long t0 = System.nanoTime();
    SmpResult r;
    try (Progress progress = Progress.start(spec, progressFlags, "bargain", -1, " turns")) {
      r = SpatialModel.run(sc, maxTurns, threads.value(), turn -> progress.step(1));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (roundsOut != null) {
      writeRounds(r, roundsOut);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.value()) {
      out.println(toJson(r));
    } else {
      printTables(r, seconds, out);
    }
    out.flush();
    return 0;
  }

  static long parseSeed(String s) {
    try {
      String t = s.strip();
      if (t.startsWith("-")) {
        return Long.parseLong(t);
      }
      return Long.parseUnsignedLong(t);
    } catch (NumberFormatException e) {
      throw new UsageException(Message.OPTION_VALUE, "--seed", s, "expected a 64-bit integer");
    }
  }

  /** Writes the per-turn CSV (atomically). */
  static void writeRounds(SmpResult r, Path target) {
    BargainProblem p = r.scenario().problem();
    OutputFiles.write(target, w -> {
      w.write("turn,actor,dim_index,dim,position\n");
      for (int t = 0; t < r.positions().length; t++) {
        for (int i = 0; i < p.actors().size(); i++) {
          for (int k = 0; k < p.dimensions().size(); k++) {
            w.write(t + "," + csv(p.actors().get(i)) + "," + k + "," + csv(p.dimensions().get(k))
                + "," + num(r.positions()[t][i][k]) + "\n");
          }
        }
      }
    });
  }

  private static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /** Shortest round-trip decimal of a position (positions are multiples of 0.01 after turn 0). */
  static String num(double v) {
    double r = Math.rint(v * 1e6) / 1e6;
    if (Math.abs(r - v) < 1e-9) {
      v = r;
    }
    String s = Double.toString(v);
    if (s.endsWith(".0")) {
      s = s.substring(0, s.length() - 2);
    }
    return s;
  }

  private static String signedSeed(long s) {
    return Long.toUnsignedString(s);
  }

  static String toJson(SmpResult r) {
    ObjectMapper om = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    SmpScenario sc = r.scenario();
    BargainProblem p = sc.problem();
    ObjectNode in = root.putObject("input");
    in.put("name", p.name());
    ArrayNode dims = in.putArray("dimensions");
    p.dimensions().forEach(dims::add);
    ArrayNode actors = in.putArray("actors");
    for (int i = 0; i < p.actors().size(); i++) {
      ObjectNode a = actors.addObject();
      a.put("name", p.actors().get(i));
      a.put("capability", p.capability()[i]);
      ArrayNode pos = a.putArray("position");
      ArrayNode sal = a.putArray("salience");
      for (int k = 0; k < p.dimensions().size(); k++) {
        pos.add(p.position()[i][k]);
        sal.add(p.salience()[i][k]);
      }
    }
    if (sc.accommodation() == null) {
      in.putNull("accommodation");
    } else {
      ArrayNode acc = in.putArray("accommodation");
      for (double[] row : sc.accommodation()) {
        ArrayNode rr = acc.addArray();
        for (double v : row) {
          rr.add(v);
        }
      }
    }
    root.put("seed", signedSeed(sc.seed()));
    ObjectNode par = root.putObject("parameters");
    SmpParameters q = sc.parameters();
    par.put("VictoryProbModel", q.victoryProb().ktabName());
    par.put("PCEModel", q.pce().ktabName());
    par.put("StateTransitions", q.transitions().ktabName());
    par.put("VotingRule", q.votingRule().ktabName());
    par.put("BigRAdjust", q.bigRAdjust().ktabName());
    par.put("BigRRange", q.bigRRange().ktabName());
    par.put("ThirdPartyCommit", q.thirdPartyCommit().ktabName());
    par.put("InterVecBrgn", q.interVecBrgn().ktabName());
    par.put("BargnModel", q.bargainModel().ktabName());
    root.put("turns", r.turns());
    ArrayNode positions = root.putArray("positions");
    for (double[][] turn : r.positions()) {
      ArrayNode t = positions.addArray();
      for (double[] a : turn) {
        ArrayNode aa = t.addArray();
        for (double v : a) {
          aa.add(v);
        }
      }
    }
    ArrayNode frac = root.putArray("fractionalChange");
    for (int t = 0; t < r.fractionalChange().length; t++) {
      if (t == 0) {
        frac.addNull();
      } else {
        frac.add(r.fractionalChange()[t]);
      }
    }
    ObjectNode outcome = root.putObject("outcome");
    ObjectNode pce = root.putObject("pceOutcome");
    for (int k = 0; k < p.dimensions().size(); k++) {
      outcome.put(p.dimensions().get(k), r.outcome()[k]);
      pce.put(p.dimensions().get(k), r.pceOutcome()[k]);
    }
    ObjectNode win = root.putObject("finalWinProbability");
    for (int i = 0; i < p.actors().size(); i++) {
      win.put(p.actors().get(i), r.finalWinProbability()[i]);
    }
    ArrayNode moves = root.putArray("moves");
    for (int t = 1; t < r.positions().length; t++) {
      for (int i = 0; i < p.actors().size(); i++) {
        int mi = r.moverInitiator()[t][i];
        if (mi < 0) {
          continue;
        }
        ObjectNode m = moves.addObject();
        m.put("turn", t);
        m.put("actor", p.actors().get(i));
        m.put("initiator", p.actors().get(mi));
        m.put("receiver", p.actors().get(r.moverReceiver()[t][i]));
        ArrayNode from = m.putArray("from");
        ArrayNode to = m.putArray("to");
        for (int k = 0; k < p.dimensions().size(); k++) {
          from.add(r.positions()[t - 1][i][k]);
          to.add(r.positions()[t][i][k]);
        }
      }
    }
    try {
      return om.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void printTables(SmpResult r, double seconds, PrintWriter out) {
    SmpScenario sc = r.scenario();
    BargainProblem p = sc.problem();
    int n = p.actors().size();
    int nd = p.dimensions().size();
    int w = 6;
    for (String a : p.actors()) {
      w = Math.max(w, a.length());
    }
    w = Math.min(w, 28);
    out.printf(Locale.ROOT, "Scenario: %s (%d actors, %d dimension%s)%n", p.name(), n, nd, nd == 1 ? "" : "s");
    out.printf(Locale.ROOT, "Options:  %s%n", sc.parameters());
    out.printf(Locale.ROOT, "Seed:     %s   ideal accommodation: %s%n", signedSeed(sc.seed()),
        sc.accommodation() == null ? "identity" : "from input");
    out.printf(Locale.ROOT, "Turns:    %d (stopping ratio %.4f, target < 0.02 after turn 2; limit %d)   time %.3f s%n",
        r.turns(), r.fractionalChange()[r.turns()], SpatialModel.MAX_TURNS, seconds);
    for (int k = 0; k < nd; k++) {
      out.println();
      out.printf(Locale.ROOT, "Positions on %s (0-100) by turn:%n", p.dimensions().get(k));
      out.printf(Locale.ROOT, "%-" + w + "s", "actor");
      for (int t = 0; t <= r.turns(); t++) {
        out.printf(Locale.ROOT, " %6d", t);
      }
      out.println();
      for (int i = 0; i < n; i++) {
        out.printf(Locale.ROOT, "%-" + w + "s", trunc(p.actors().get(i), w));
        for (int t = 0; t <= r.turns(); t++) {
          out.printf(Locale.ROOT, " %6.2f", r.positions()[t][i][k]);
        }
        out.println();
      }
    }
    out.println();
    out.println("Forecast outcome (0-100):");
    out.printf(Locale.ROOT, "%-" + w + "s %12s %12s%n", "dimension", "outcome", "pce-outcome");
    for (int k = 0; k < nd; k++) {
      out.printf(Locale.ROOT, "%-" + w + "s %12.2f %12.2f%n", trunc(p.dimensions().get(k), w),
          r.outcome()[k], r.pceOutcome()[k]);
    }
    out.println("outcome = capability x salience weighted mean of final positions;"
        + " pce-outcome = mean of distinct final positions weighted by their PCE win probability.");
    out.println();
    out.println("Moves (actor: from -> to, by bargain initiator -> receiver):");
    int count = 0;
    for (int t = 1; t <= r.turns(); t++) {
      for (int i = 0; i < n; i++) {
        int mi = r.moverInitiator()[t][i];
        if (mi < 0) {
          continue;
        }
        count++;
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (int k = 0; k < nd; k++) {
          from.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", r.positions()[t - 1][i][k]));
          to.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", r.positions()[t][i][k]));
        }
        String who = mi == i
            ? "own challenge of " + p.actors().get(r.moverReceiver()[t][i])
            : "challenge by " + p.actors().get(mi);
        out.printf(Locale.ROOT, "  turn %3d  %-" + w + "s %s -> %s  (%s)%n", t, trunc(p.actors().get(i), w),
            from, to, who);
      }
    }
    if (count == 0) {
      out.println("  none");
    }
  }

  private static String trunc(String s, int w) {
    return s.length() <= w ? s : s.substring(0, w - 1) + "~";
  }
}
