package org.detente.bargain;

import org.detente.model.BargainProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.scenario.InputFiles;
import org.detente.InvalidInputException;

/**
 * Reads KTAB's SMP scenario CSV (the format of KTAB's {@code SMPModel::csvRead}):
 *
 * <pre>
 * line 1: scenarioName, scenarioDescription, numActors, numDims   (further fields ignored)
 * line 2: Actor, Description, Power, dim1 position label, dim1 salience label, ...
 * then one line per actor: name, description, capability, pos_1, sal_1, pos_2, sal_2, ...
 * </pre>
 *
 * Positions and saliences are on 0–100, saliences summing to at most 100 per actor; the
 * dimension names are the position labels of line 2. A CSV carries no model options, no seed and
 * no accommodation matrix: KTAB's defaults and the identity matrix are used. Every defect is
 * reported as {@code FILE:LINE:COLUMN: field: message}.
 */
public final class SmpCsvReader {

  private SmpCsvReader() {}

  /** One field with its 1-based column. */
  private record Field(String text, int column) {}

  /** Reads a file. */
  public static SmpScenario read(Path file) {
    byte[] bytes = InputFiles.read(file, file.toString(), BargainInputs.MAX_BYTES,
        "a KTAB CSV file");
    return parse(file.toString(), BargainInputs.utf8(file.toString(), bytes));
  }

  /** Parses CSV text; {@code source} names it in error messages. */
  public static SmpScenario parse(String source, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    int li = 0;
    // line 1
    li = skipBlank(lines, li);
    if (li >= lines.length) {
      throw err(source, 1, 1, "header", "empty file; expected 'name, description, numActors, numDims'");
    }
    List<Field> h1 = split(lines[li]);
    int l1 = li + 1;
    if (h1.size() < 4) {
      throw err(source, l1, endCol(lines[li]), "header",
          "expected 'name, description, numActors, numDims', found " + h1.size() + " field(s)");
    }
    String scenName = h1.get(0).text();
    int numActors = parseCount(source, l1, h1.get(2), "numActors");
    int numDims = parseCount(source, l1, h1.get(3), "numDims");
    if (numActors < 3) {
      throw err(source, l1, h1.get(2).column(), "numActors", "must be at least 3, got " + numActors);
    }
    if (numDims < 1) {
      throw err(source, l1, h1.get(3).column(), "numDims", "must be at least 1, got " + numDims);
    }
    // line 2
    li = skipBlank(lines, li + 1);
    if (li >= lines.length) {
      throw err(source, lines.length, 1, "column header",
          "missing; expected 'Actor, Description, Power' and a position and salience label per dimension");
    }
    List<Field> h2 = split(lines[li]);
    int l2 = li + 1;
    int need = 3 + 2 * numDims;
    if (nonEmptyCount(h2) < need) {
      throw err(source, l2, endCol(lines[li]), "column header",
          "expected " + need + " labels (Actor, Description, Power and a position and salience label for each of "
              + numDims + " dimension(s)), found " + nonEmptyCount(h2));
    }
    List<String> dims = new ArrayList<>();
    for (int k = 0; k < numDims; k++) {
      Field f = h2.get(3 + 2 * k);
      if (f.text().isEmpty()) {
        throw err(source, l2, f.column(), "dimension " + (k + 1) + " label", "is empty");
      }
      dims.add(f.text());
    }
    // actors
    List<String> names = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    double[] cap = new double[numActors];
    double[][] pos = new double[numActors][numDims];
    double[][] sal = new double[numActors][numDims];
    for (int a = 0; a < numActors; a++) {
      li = skipBlank(lines, li + 1);
      if (li >= lines.length) {
        throw err(source, lines.length, 1, "actors",
            "header declares " + numActors + " actors but only " + a + " actor row(s) follow");
      }
      int ln = li + 1;
      List<Field> f = split(lines[li]);
      int have = f.size();
      while (have > 0 && f.get(have - 1).text().isEmpty()) {
        have--;
      }
      if (have < need) {
        throw err(source, ln, endCol(lines[li]), "actor row",
            "expected " + need + " fields (name, description, capability and a position and salience for each of "
                + numDims + " dimension(s)), found " + have);
      }
      if (have > need) {
        throw err(source, ln, f.get(need).column(), "actor row",
            "expected " + need + " fields, found " + have + " (is numDims = " + numDims + " right?)");
      }
      String name = f.get(0).text();
      if (name.isEmpty()) {
        throw err(source, ln, f.get(0).column(), "Actor", "name is empty");
      }
      if (!seen.add(name)) {
        throw err(source, ln, f.get(0).column(), "Actor", "duplicate actor name '" + name + "'");
      }
      names.add(name);
      double c = num(source, ln, f.get(2), "capability of " + name);
      if (!(c > 0)) {
        throw err(source, ln, f.get(2).column(), "capability of " + name, "must be > 0, got " + f.get(2).text());
      }
      if (c > 1e8) {
        throw err(source, ln, f.get(2).column(), "capability of " + name, "must be at most 1e8, got " + f.get(2).text());
      }
      cap[a] = c;
      double sum = 0.0;
      for (int k = 0; k < numDims; k++) {
        Field pf = f.get(3 + 2 * k);
        Field sf = f.get(4 + 2 * k);
        double x = num(source, ln, pf, "position of " + name + " on " + dims.get(k));
        if (x < 0 || x > 100) {
          throw err(source, ln, pf.column(), "position of " + name + " on " + dims.get(k),
              "must be in [0, 100], got " + pf.text());
        }
        double s = num(source, ln, sf, "salience of " + name + " on " + dims.get(k));
        if (s < 0 || s > 100) {
          throw err(source, ln, sf.column(), "salience of " + name + " on " + dims.get(k),
              "must be in [0, 100], got " + sf.text());
        }
        sum += s;
        if (sum > 100.0) {
          throw err(source, ln, sf.column(), "salience of " + name,
              "saliences sum to " + fmt(sum) + " by dimension " + dims.get(k) + "; at most 100 allowed");
        }
        pos[a][k] = x;
        sal[a][k] = s;
      }
      if (!(sum > 0)) {
        throw err(source, ln, f.get(4).column(), "salience of " + name, "all saliences are 0; at least one must be > 0");
      }
    }
    int extra = skipBlank(lines, li + 1);
    if (extra < lines.length) {
      throw err(source, extra + 1, 1, "actors",
          "header declares " + numActors + " actors but more actor rows follow");
    }
    BargainProblem p = new BargainProblem(scenName, names, dims, cap, pos, sal);
    return new SmpScenario(p, null, SmpParameters.defaults(), SmpScenario.KTAB_DEFAULT_SEED);
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  private static int skipBlank(String[] lines, int from) {
    int i = from;
    while (i < lines.length && lines[i].replace(",", "").isBlank()) {
      i++;
    }
    return i;
  }

  private static int endCol(String line) {
    return line.length() + 1;
  }

  private static int nonEmptyCount(List<Field> fs) {
    int c = 0;
    for (Field f : fs) {
      if (!f.text().isEmpty()) {
        c++;
      }
    }
    return c;
  }

  private static int parseCount(String src, int line, Field f, String field) {
    try {
      return Integer.parseInt(f.text());
    } catch (NumberFormatException e) {
      throw err(src, line, f.column(), field, "expected a whole number, got '" + f.text() + "'");
    }
  }

  private static double num(String src, int line, Field f, String field) {
    String t = f.text();
    if (t.isEmpty()) {
      throw err(src, line, f.column(), field, "missing value; expected a number");
    }
    try {
      return StrictNumbers.parse(t);
    } catch (NumberFormatException e) {
      throw err(src, line, f.column(), field, "expected a number, got '" + t + "'");
    }
  }

  private static DetenteException err(String src, int line, int col, String field, String msg) {
    return new InvalidInputException(Message.LOCATED, src, line, col, field, msg);
  }

  /** Splits one line on commas, honouring double quotes; fields are trimmed, quotes removed. */
  private static List<Field> split(String line) {
    List<Field> out = new ArrayList<>();
    int i = 0;
    int len = line.length();
    while (true) {
      int start = i;
      StringBuilder sb = new StringBuilder();
      boolean inQ = false;
      while (i < len) {
        char ch = line.charAt(i);
        if (ch == '"') {
          if (inQ && i + 1 < len && line.charAt(i + 1) == '"') {
            sb.append('"');
            i += 2;
            continue;
          }
          inQ = !inQ;
          i++;
          continue;
        }
        if (ch == ',' && !inQ) {
          break;
        }
        sb.append(ch);
        i++;
      }
      String raw = sb.toString();
      int lead = 0;
      while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
        lead++;
      }
      int col = start + 1;
      // column of the first non-blank character of the field
      int k = start;
      while (k < len && k < i && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
        k++;
      }
      col = k + 1;
      out.add(new Field(raw.strip(), col));
      if (i >= len) {
        break;
      }
      i++; // skip comma
    }
    return out;
  }
}
