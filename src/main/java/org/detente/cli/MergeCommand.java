package org.detente.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.analysis.EnsembleSummary;
import org.detente.engine.CompiledModel;
import org.detente.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detente merge FILE PART...}: the summary of an ensemble computed in parts. Each part is
 * the output folder of {@code detente run FILE --first-run K -n N --out PART}, possibly from
 * another machine; the parts must cover consecutive runs of the same scenario, options, seed and
 * program version. Every aggregate of the summary is a sum of integer counts, so the merged
 * summary.json, state.json, runs.csv and events.tsv are byte for byte those of one
 * {@code detente run --no-timing} over the whole range.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merge the output folders of detente run --first-run K -n N --out PART (parts of one"
          + " ensemble, computed anywhere) into the summary of the whole: the same table, JSON"
          + " and output folder as one run over all the runs (timings left out; threads as in"
          + " the first part). The parts must cover consecutive runs of the same scenario file,"
          + " policies, --param values, horizon, motives, seed and program version. Rare-event"
          + " estimates (--rare) are not merged. Exit code 0 on success, 1 for invalid input,"
          + " 2 for a usage error."
    })
public final class MergeCommand implements Callable<Integer> {

  /** Largest state.json read, in bytes. */
  static final long MAX_STATE_BYTES = 64L << 20;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The scenario file the parts ran (checked by its SHA-256).")
  Path file;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "PART",
      description = "Output folders of detente run --out, in any order.")
  List<Path> parts = new ArrayList<>();

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Write the merged summary.json, state.json, runs.csv and events.tsv into the"
          + " folder DIR, atomically (as detente run --out).")
  Path out;

  @Option(names = "--decision-stats",
      description = "Also report how decisive the actors' decisions were (as detente run).")
  boolean decisionStats;

  @Mixin SharedOptions.Json json;

  /** One part: its folder and its state. */
  private record Part(Path dir, JsonNode state, int firstRun, int runs) {}

  @Override
  public Integer call() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Part> ps = new ArrayList<>();
    for (Path dir : parts) {
      ps.add(readPart(mapper, dir));
    }
    Part first = ps.get(0);
    for (Part p : ps) {
      for (String key : List.of("format", "scenarioSha256", "policies", "params", "horizon",
          "motives", "seed", "version")) {
        JsonNode a = p.state().get(key);
        JsonNode b = first.state().get(key);
        if (a == null ? b != null : !a.equals(b)) {
          throw new InvalidInputException(Message.MERGE_MISMATCH, p.dir(), key,
              a == null ? "absent" : a, b == null ? "absent" : b);
        }
      }
    }
    String sha = sha256(file);
    String partsSha = first.state().path("scenarioSha256").asText();
    if (!sha.equals(partsSha)) {
      throw new InvalidInputException(Message.MERGE_SCENARIO_CHANGED, file, sha, partsSha);
    }
    ps.sort(Comparator.comparingInt(Part::firstRun));
    long total = ps.get(0).runs();
    for (int i = 1; i < ps.size(); i++) {
      Part prev = ps.get(i - 1);
      Part cur = ps.get(i);
      long end = (long) prev.firstRun() + prev.runs();
      if (cur.firstRun() > end) {
        throw new InvalidInputException(Message.MERGE_GAP, end, cur.firstRun() - 1, prev.dir(),
            cur.dir());
      }
      if (cur.firstRun() < end) {
        throw new InvalidInputException(Message.MERGE_OVERLAP, prev.dir(), cur.dir(),
            cur.firstRun(), Math.min(end, (long) cur.firstRun() + cur.runs()) - 1);
      }
      total += cur.runs();
    }

    RunCommand rc = replayCommand(ps.get(0), (int) total);
    Scenario sc = rc.params.apply(EngineSupport.load(file, rc.policies.names(), rc.horizon));
    CompiledModel model = EngineSupport.fixMotives(EngineSupport.compile(sc), rc.motives);
    EnsembleSummary summary = null;
    for (Part p : ps) {
      EnsembleSummary s;
      try {
        s = EnsembleSummary.fromState(model, p.state().get("summary"));
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        throw located(p.dir().resolve(RunCommand.STATE_FILE),
            "summary." + (colon < 0 ? "" : m.substring(0, colon)),
            colon < 0 ? m : m.substring(colon + 2));
      }
      if (s.runs() != p.runs()) {
        throw located(p.dir().resolve(RunCommand.STATE_FILE), "summary.runs",
            "is " + s.runs() + ", expected runs = " + p.runs());
      }
      if (summary == null) {
        summary = s;
      } else {
        summary.merge(s);
      }
    }
    int threads = first.state().path("threads").asInt(1);
    try (OutputFolder folder = out == null ? null : OutputFolder.prepare("--out", out)) {
      if (folder != null) {
        concatenateRuns(ps, folder.staging().resolve("runs.csv"));
      }
      return rc.emit(sc, model, summary, threads, folder, null, Double.NaN, Double.NaN);
    }
  }

  /** A run command holding the parts' inputs, which prints and writes what one run would. */
  private RunCommand replayCommand(Part p, int totalRuns) {
    JsonNode st = p.state();
    List<String> policies = new ArrayList<>();
    st.path("policies").forEach(n -> policies.add(n.asText()));
    List<String> params = new ArrayList<>();
    st.path("params").forEach(n -> params.add(n.asText()));
    List<String> motives = new ArrayList<>();
    st.path("motives").forEach(n -> motives.add(n.asText()));
    Integer horizon = st.hasNonNull("horizon") ? st.get("horizon").asInt() : null;
    RunCommand rc = new EnsembleParts(file, policies, params, horizon, motives,
        st.path("seed").asLong()).command(p.firstRun(), totalRuns, st.path("threads").asInt(1));
    rc.spec = spec;
    rc.json = json;
    rc.decisionStats = decisionStats;
    return rc;
  }

  private static Part readPart(ObjectMapper mapper, Path dir) throws IOException {
    Path f = dir.resolve(RunCommand.STATE_FILE);
    if (!Files.isRegularFile(f)) {
      throw new InvalidInputException(Message.MERGE_NOT_PART, dir, RunCommand.STATE_FILE);
    }
    if (Files.size(f) > MAX_STATE_BYTES) {
      throw new InvalidInputException(Message.FILE_PROBLEM, f,
          Message.FILE_TOO_LARGE.format(MAX_STATE_BYTES + " bytes", "a state file"));
    }
    JsonNode st;
    try {
      st = mapper.readTree(f.toFile());
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new InvalidInputException(e, Message.FILE_PROBLEM, f,
          "line " + (loc == null ? "?" : loc.getLineNr()) + ", column "
              + (loc == null ? "?" : loc.getColumnNr()) + ": " + e.getOriginalMessage());
    }
    if (st == null || !st.isObject()
        || !RunCommand.STATE_FORMAT.equals(st.path("format").asText())) {
      throw located(f, "format", "expected \"" + RunCommand.STATE_FORMAT + "\"");
    }
    for (String key : List.of("firstRun", "runs")) {
      JsonNode v = st.get(key);
      if (v == null || !v.isInt() || v.intValue() < (key.equals("runs") ? 1 : 0)) {
        throw located(f, key, "expected an integer >= " + (key.equals("runs") ? 1 : 0));
      }
    }
    return new Part(dir, st, st.get("firstRun").intValue(), st.get("runs").intValue());
  }

  /**
   * An error in a state file at the field's line and column: where the field's last name
   * (without indices) is first written as a key, or the file alone when it is not there.
   */
  private static InvalidInputException located(Path f, String field, String what) {
    String name = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[.*", "");
    String key = "\"" + name + "\"";
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size() && !name.isEmpty(); i++) {
        int at = lines.get(i).indexOf(key);
        if (at >= 0) {
          return new InvalidInputException(Message.LOCATED, f, i + 1, at + 1, field, what);
        }
      }
    } catch (IOException e) {
      // read before; fall back to the file alone
    }
    return new InvalidInputException(Message.FILE_PROBLEM, f, field + ": " + what);
  }

  /** The parts' runs.csv, one header, rows in run order: the whole ensemble's runs.csv. */
  private static void concatenateRuns(List<Part> ps, Path target) throws IOException {
    String header = null;
    try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      for (Part p : ps) {
        Path csv = p.dir().resolve("runs.csv");
        if (!Files.isRegularFile(csv)) {
          throw new InvalidInputException(Message.MERGE_NOT_PART, p.dir(), "runs.csv");
        }
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
          var it = lines.iterator();
          String h = it.hasNext() ? it.next() : "";
          if (header == null) {
            header = h;
            w.write(h);
            w.write('\n');
          } else if (!header.equals(h)) {
            throw new InvalidInputException(Message.FILE_PROBLEM, csv,
                "line 1: the columns differ from the first part's runs.csv");
          }
          long rows = 0;
          while (it.hasNext()) {
            w.write(it.next());
            w.write('\n');
            rows++;
          }
          if (rows != p.runs()) {
            throw new InvalidInputException(Message.FILE_PROBLEM, csv,
                rows + " rows, expected one per run: " + p.runs());
          }
        }
      }
    }
  }

  /** The SHA-256 of a file, in lower-case hexadecimal. */
  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
