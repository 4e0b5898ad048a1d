package org.detente.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.UsageException;
import org.detente.analysis.Morris;
import org.detente.analysis.ParameterSpace;
import org.detente.analysis.Sobol;
import org.detente.model.ParameterCatalog;
import org.detente.model.ParameterSpec;

/**
 * The design of a sweep: the points (one value per swept parameter) at which an ensemble runs,
 * and the parameters fixed for every point. A grid crosses {@code levels} evenly spaced values of
 * each range; a Morris design is {@link Morris#screen}'s trajectories (the most spread of four
 * times as many candidates) and a Sobol design {@link Sobol#analyse}'s Saltelli matrices: the
 * same points, in the same order, as {@code detente sensitivity} evaluates with the same seed,
 * so their indices follow from the points' outputs and equal the command's; a
 * CSV file gives its points as rows under a header of parameter names.
 */
public final class Design implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Kinds of design. */
  public enum Kind {
    /** Every combination of evenly spaced levels. */
    GRID,
    /** Morris elementary-effect trajectories. */
    MORRIS,
    /** Saltelli's matrices for Sobol indices. */
    SOBOL,
    /** Points read from a CSV file. */
    POINTS
  }

  private final Kind kind;
  private final List<String> names;
  private final double[][] points;
  private final List<String> fixed;
  private final double[] low;
  private final double[] high;
  private final int levels;
  private final int samples;
  private final long seed;

  private Design(Kind kind, List<String> names, double[][] points, List<String> fixed,
      double[] low, double[] high, int levels, int samples, long seed) {
    this.kind = kind;
    this.names = List.copyOf(names);
    this.points = points;
    this.fixed = List.copyOf(fixed);
    this.low = low;
    this.high = high;
    this.levels = levels;
    this.samples = samples;
    this.seed = seed;
  }

  /**
   * Builds a design.
   *
   * @param design  {@code grid}, {@code morris}, {@code sobol}, or the path of a CSV file
   * @param params  {@code NAME=LO:HI} (a swept range) or {@code NAME=VALUE} (fixed)
   * @param levels  levels of each range (grid: at least 2; Morris: even, at least 2)
   * @param samples Morris trajectories or Sobol base samples
   * @param seed    seed of the Morris and Sobol designs' random stream
   */
  public static Design of(String design, List<String> params, int levels, int samples,
      long seed) {
    List<String> names = new ArrayList<>();
    List<double[]> ranges = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (String spec : params) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new UsageException(Message.OPTION_VALUE, "--param", spec,
            "expected NAME=LO:HI (a range to sweep) or NAME=VALUE (fixed)");
      }
      String name = spec.substring(0, eq).trim();
      ParameterSpec def = ParameterCatalog.byName(name);
      if (def == null) {
        throw new UsageException(Message.UNKNOWN_NAME, "model parameter", name,
            String.join(", ", ParameterCatalog.names()));
      }
      if (names.contains(name) || fixed.stream().anyMatch(f -> f.startsWith(name + "="))) {
        throw new UsageException(Message.OPTION_TWICE, "--param", name);
      }
      String value = spec.substring(eq + 1).trim();
      int colon = value.indexOf(':');
      if (colon < 0) {
        fixed.add(name + "=" + number(spec, value));
      } else {
        double lo = number(spec, value.substring(0, colon));
        double hi = number(spec, value.substring(colon + 1));
        if (!(lo < hi)) {
          throw new UsageException(Message.OPTION_VALUE, "--param", spec,
              "expected LO < HI in NAME=LO:HI");
        }
        names.add(name);
        ranges.add(new double[] {lo, hi});
      }
    }
    double[] lo = ranges.stream().mapToDouble(r -> r[0]).toArray();
    double[] hi = ranges.stream().mapToDouble(r -> r[1]).toArray();
    String d = design.toLowerCase(Locale.ROOT);
    if (d.equals("grid") || d.equals("morris") || d.equals("sobol")) {
      if (names.isEmpty()) {
        throw new UsageException(Message.OPTION_VALUE, "--design", design,
            "a " + d + " design needs at least one --param NAME=LO:HI to sweep");
      }
      ParameterSpace space = new ParameterSpace(names, lo, hi);
      List<double[]> pts = new ArrayList<>();
      switch (d) {
        case "grid" -> {
          if (levels < 2) {
            throw new UsageException(Message.OPTION_VALUE, "--levels", levels,
                "a grid needs at least 2 levels");
          }
          grid(lo, hi, levels, new double[names.size()], 0, pts);
          return new Design(Kind.GRID, names, pts.toArray(new double[0][]), fixed, lo, hi,
              levels, 0, seed);
        }
        case "morris" -> {
          if (levels < 2 || levels % 2 != 0) {
            throw new UsageException(Message.OPTION_VALUE, "--levels", levels,
                "a Morris design needs an even number of levels, at least 2");
          }
          if (samples < 2) {
            throw new UsageException(Message.OPTION_VALUE, "--samples", samples,
                "a Morris design needs at least 2 trajectories");
          }
          Morris.screen(space, samples, levels, 4 * samples, seed, x -> {
            pts.add(x.clone());
            return 0;
          });
          return new Design(Kind.MORRIS, names, pts.toArray(new double[0][]), fixed, lo, hi,
              levels, samples, seed);
        }
        default -> {
          if (samples < 2) {
            throw new UsageException(Message.OPTION_VALUE, "--samples", samples,
                "a Sobol design needs at least 2 base samples");
          }
          Sobol.analyse(space, samples, seed, 0, x -> {
            pts.add(x.clone());
            return 0;
          });
          return new Design(Kind.SOBOL, names, pts.toArray(new double[0][]), fixed, lo, hi,
              0, samples, seed);
        }
      }
    }
    if (!names.isEmpty()) {
      throw new UsageException(Message.OPTION_VALUE, "--param", names.get(0),
          "a design read from a file takes fixed values (NAME=VALUE) only");
    }
    return points(Path.of(design), fixed);
  }

  private static double number(String spec, String text) {
    try {
      double v = Double.parseDouble(text.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(Message.OPTION_VALUE, "--param", spec,
        "'" + text + "' is not a finite number");
  }

  private static void grid(double[] lo, double[] hi, int levels, double[] x, int i,
      List<double[]> out) {
    if (i == x.length) {
      out.add(x.clone());
      return;
    }
    for (int l = 0; l < levels; l++) {
      x[i] = l == levels - 1 ? hi[i] : lo[i] + (hi[i] - lo[i]) * l / (levels - 1);
      grid(lo, hi, levels, x, i + 1, out);
    }
  }

  /** A design read from a CSV file: a header of parameter names, then one point a row. */
  static Design points(Path file, List<String> fixed) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file,
          "no such file; expected grid, morris, sobol or a CSV file of points");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.FILE_PROBLEM, file,
          Message.CANNOT_READ.format(e.getMessage()));
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file,
          Message.FILE_EMPTY.format("a header of parameter names"));
    }
    String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
    List<String> names = new ArrayList<>();
    int at = 1; // the column (character) where the header cell starts
    for (int c = 0; c < header.length; c++) {
      String n = header[c].trim();
      if (ParameterCatalog.byName(n) == null) {
        throw new InvalidInputException(Message.LOCATED, file, 1, at, "header",
            Message.UNKNOWN_NAME.format("model parameter", n,
                String.join(", ", ParameterCatalog.names())));
      }
      if (names.contains(n) || fixed.stream().anyMatch(f -> f.startsWith(n + "="))) {
        throw new InvalidInputException(Message.LOCATED, file, 1, at, "header",
            "parameter '" + n + "' given twice");
      }
      names.add(n);
      at += header[c].length() + 1;
    }
    List<double[]> pts = new ArrayList<>();
    for (int r = 1; r < lines.size(); r++) {
      String line = lines.get(r);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != names.size()) {
        throw new InvalidInputException(Message.LOCATED, file, r + 1, 1, "row",
            cells.length + " values, expected " + names.size() + " (one per header column)");
      }
      double[] x = new double[names.size()];
      int col = 1;
      for (int c = 0; c < cells.length; c++) {
        try {
          x[c] = Double.parseDouble(cells[c].trim());
        } catch (NumberFormatException e) {
          x[c] = Double.NaN;
        }
        if (!Double.isFinite(x[c])) {
          throw new InvalidInputException(Message.LOCATED_EXPECTED, file, r + 1, col,
              names.get(c), "a finite number, got '" + cells[c].trim() + "'");
        }
        col += cells[c].length() + 1;
      }
      pts.add(x);
    }
    if (pts.isEmpty()) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file,
          Message.FILE_EMPTY.format("at least one row of values under the header"));
    }
    return new Design(Kind.POINTS, names, pts.toArray(new double[0][]), fixed, null, null, 0,
        0, 0);
  }

  /** The kind of design. */
  public Kind kind() {
    return kind;
  }

  /** The swept parameters, in column order. */
  public List<String> names() {
    return names;
  }

  /** Number of points. */
  public int size() {
    return points.length;
  }

  /** Point p's value of swept parameter i. */
  public double value(int p, int i) {
    return points[p][i];
  }

  /** The {@code --param NAME=VALUE} values of point p: the fixed ones, then the swept ones. */
  public List<String> params(int p) {
    List<String> l = new ArrayList<>(fixed);
    for (int i = 0; i < names.size(); i++) {
      l.add(names.get(i) + "=" + points[p][i]);
    }
    return l;
  }

  /** The fixed {@code NAME=VALUE} parameters. */
  public List<String> fixed() {
    return fixed;
  }

  /**
   * The sensitivity indices of an output over this design (Morris μ*, σ; Sobol S1, ST), from
   * the output at each point, in point order; null for a grid or a file of points.
   */
  public ArrayNode indices(ObjectMapper mapper, double[] outputs) {
    if (kind != Kind.MORRIS && kind != Kind.SOBOL) {
      return null;
    }
    ParameterSpace space = new ParameterSpace(names, low, high);
    int[] next = {0};
    ArrayNode a = mapper.createArrayNode();
    if (kind == Kind.MORRIS) {
      for (Morris.Effect e : Morris.screen(space, samples, levels, 4 * samples, seed,
          x -> outputs[next[0]++])) {
        ObjectNode o = a.addObject();
        o.put("parameter", e.name());
        o.put("mu", e.mu());
        o.put("muStar", e.muStar());
        o.put("sigma", e.sigma());
      }
    } else {
      for (Sobol.Index i : Sobol.analyse(space, samples, seed, 0, x -> outputs[next[0]++])
          .indices()) {
        ObjectNode o = a.addObject();
        o.put("parameter", i.name());
        o.put("s1", i.s1());
        o.put("st", i.st());
      }
    }
    return a;
  }

  @Override
  public String toString() {
    return kind + " " + names + " " + points.length + " points " + Arrays.toString(fixed.toArray());
  }
}
