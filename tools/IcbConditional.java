import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How much skill trigger-time information alone gives on ICB's violence and form of outcome:
 * conditional-frequency forecasts (the training crises' category frequencies within each value
 * of a covariate, Jeffreys prior as in the back-test) scored on the held-out crises by the Brier
 * skill against the training climatology, with the back-test's categories and year split
 * (docs/backtest.md section 4). Reads the full ICB v14 files (system level icb1v14.csv, actor
 * level icb2v14.csv, as distributed by the ICB project), which hold covariates the bundled
 * extract does not (gravty, mediate). Every crisis with a code is counted (176 held out, 310
 * training at the 1980 split), not only the 402 the back-test can express.
 *
 * <p>Usage: java tools/IcbConditional.java ICB_DIR [SPLIT_YEAR]
 */
public class IcbConditional {

  static final int K = 4;

  record Crisis(int id, int year, int violence, int form, int maxTrigger, int maxGravity,
      int gpinv, int mediate) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java tools/IcbConditional.java ICB_DIR [SPLIT_YEAR]"
          + " (ICB_DIR holds icb1v14.csv and icb2v14.csv, ICB v14)");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int split = args.length > 1 ? Integer.parseInt(args[1]) : 1980;
    List<Map<String, String>> sys = csv(dir.resolve("icb1v14.csv"));
    List<Map<String, String>> act = csv(dir.resolve("icb2v14.csv"));
    Map<Integer, int[]> byCrisis = new TreeMap<>(); // max triggr, max gravty
    for (Map<String, String> r : act) {
      int c = num(r.get("crisno"));
      int[] v = byCrisis.computeIfAbsent(c, k -> new int[] {-1, -1});
      int t = num(r.get("triggr"));
      int g = num(r.get("gravty"));
      // ICB codes 1-9 for the trigger, 0-6 for the gravity of threat (7: other, 8-9: missing)
      if (t >= 1 && t <= 9) {
        v[0] = Math.max(v[0], t);
      }
      if (g >= 0 && g <= 6) {
        v[1] = Math.max(v[1], g);
      }
    }
    List<Crisis> all = new ArrayList<>();
    for (Map<String, String> r : sys) {
      int c = num(r.get("crisno"));
      int[] v = byCrisis.getOrDefault(c, new int[] {-1, -1});
      int viol = num(r.get("viol"));
      int forout = num(r.get("forout"));
      all.add(new Crisis(c, num(r.get("yrtrig")), viol >= 1 && viol <= 4 ? viol - 1 : -1,
          switch (forout) {
            case 1, 2, 3 -> 0;
            case 4 -> 1;
            case 5 -> 2;
            case 6, 7 -> 3;
            default -> -1;
          }, v[0], v[1], num(r.get("gpinv")), num(r.get("mediate"))));
    }
    System.out.printf(Locale.ROOT, "ICB v14: %d crises; training: trigger year < %d, held out:"
        + " from %d on%n%n", all.size(), split, split);
    Map<String, Function<Crisis, Integer>> violence = new LinkedHashMap<>();
    violence.put("none (climatology)", c -> 0);
    violence.put("trigger type (max triggr of the crisis actors)", c -> c.maxTrigger());
    violence.put("violent trigger (triggr >= 8)", c -> c.maxTrigger() >= 8 ? 1 : 0);
    violence.put("violent trigger x gravity of threat >= 5",
        c -> (c.maxTrigger() >= 8 ? 2 : 0) + (c.maxGravity() >= 5 ? 1 : 0));
    report("violence", all, split, Crisis::violence, violence);
    Map<String, Function<Crisis, Integer>> form = new LinkedHashMap<>();
    form.put("none (climatology)", c -> 0);
    form.put("great-power involvement (gpinv > 1)", c -> c.gpinv() > 1 ? 1 : 0);
    form.put("violent trigger (triggr >= 8)", c -> c.maxTrigger() >= 8 ? 1 : 0);
    form.put("trigger type (max triggr of the crisis actors)", c -> c.maxTrigger());
    form.put("mediation (mediate; coded during the crisis, not trigger-time)",
        c -> c.mediate());
    report("outcome form", all, split, Crisis::form, form);
  }

  static void report(String name, List<Crisis> all, int split, Function<Crisis, Integer> y,
      Map<String, Function<Crisis, Integer>> covariates) {
    double[] clim = new double[K];
    int nTrain = 0;
    for (Crisis c : all) {
      if (c.year() < split && y.apply(c) >= 0) {
        clim[y.apply(c)]++;
        nTrain++;
      }
    }
    for (int k = 0; k < K; k++) {
      clim[k] = (clim[k] + 0.5) / (nTrain + 2);
    }
    System.out.println(name + " (held-out Brier skill against the training climatology):");
    for (Map.Entry<String, Function<Crisis, Integer>> e : covariates.entrySet()) {
      Map<Integer, double[]> counts = new TreeMap<>();
      for (Crisis c : all) {
        if (c.year() < split && y.apply(c) >= 0) {
          counts.computeIfAbsent(e.getValue().apply(c), k -> new double[K + 1])[y.apply(c)]++;
          counts.get(e.getValue().apply(c))[K]++;
        }
      }
      double bs = 0;
      double bsClim = 0;
      int n = 0;
      for (Crisis c : all) {
        if (c.year() < split || y.apply(c) < 0) {
          continue;
        }
        double[] cnt = counts.get(e.getValue().apply(c));
        double[] p = new double[K];
        for (int k = 0; k < K; k++) {
          p[k] = cnt == null ? clim[k] : (cnt[k] + 0.5) / (cnt[K] + 2);
        }
        bs += brier(p, y.apply(c));
        bsClim += brier(clim, y.apply(c));
        n++;
      }
      System.out.printf(Locale.ROOT, "  %-66s n = %d  BSS %+.3f%n", e.getKey(), n,
          1 - bs / bsClim);
    }
    System.out.println();
  }

  static double brier(double[] p, int o) {
    double s = 0;
    for (int k = 0; k < K; k++) {
      double d = p[k] - (k == o ? 1 : 0);
      s += d * d;
    }
    return s;
  }

  static int num(String s) {
    if (s == null || s.isBlank()) {
      return -1;
    }
    try {
      return (int) Math.round(Double.parseDouble(s.trim()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static List<Map<String, String>> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] head = split(lines.get(0).replace("\uFEFF", ""));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = split(lines.get(i));
      Map<String, String> r = new LinkedHashMap<>();
      for (int j = 0; j < head.length && j < f.length; j++) {
        r.put(head[j].trim(), f[j]);
      }
      rows.add(r);
    }
    return rows;
  }

  /** Splits a CSV line, with double-quoted fields that may hold commas. */
  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(ch);
      }
    }
    out.add(sb.toString());
    return out.toArray(new String[0]);
  }
}
