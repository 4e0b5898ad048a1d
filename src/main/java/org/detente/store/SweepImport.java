package org.detente.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * Imports the output folder of {@code detente sweep} into a results store as one stored result
 * (command {@code sweep}): the scenario's text (the folder's {@code scenario.yaml}, checked
 * against the SHA-256 in {@code sweep.json}), the sweep's options and seed as inputs,
 * {@code sweep.json} as the summary, one row of {@code runs} per run (arm {@code point-NNNNNN})
 * and the design in {@code sweep_points}. The import is one transaction: a failure leaves the
 * result marked incomplete, with no runs.
 */
public final class SweepImport {

  private SweepImport() {}

  /**
   * Imports the sweep in {@code dir} into {@code store}.
   *
   * @return the stored result's id
   */
  public static long importSweep(ResultStore store, Path dir) {
    Path json = dir.resolve("sweep.json");
    Path scenario = dir.resolve("scenario.yaml");
    Path runs = dir.resolve("runs");
    if (!Files.isRegularFile(json)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, json,
          "no sweep.json: not the output folder of detente sweep");
    }
    String summary = read(json);
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(summary);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new InvalidInputException(e, Message.FILE_PROBLEM,
          at == null ? json.toString() : json + ":" + at.getLineNr() + ":" + at.getColumnNr(),
          "not valid JSON: " + e.getOriginalMessage());
    }
    String[] required = {"scenario", "scenarioFile", "scenarioSha256", "points", "runsPerPoint",
      "seed", "results", "version"};
    for (String k : required) {
      if (!root.hasNonNull(k)) {
        throw new InvalidInputException(Message.FILE_PROBLEM, json,
            k + ": missing (written by detente sweep of an older version?)");
      }
    }
    if (!Files.isRegularFile(scenario)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, scenario, Message.NO_SUCH_FILE.format());
    }
    String text = read(scenario);
    if (!sha256(text).equals(root.get("scenarioSha256").asText())) {
      throw new InvalidInputException(Message.FILE_PROBLEM, scenario,
          "its SHA-256 is not sweep.json's scenarioSha256: the file was changed after the sweep");
    }
    if (!Files.isDirectory(runs)) {
      throw new InvalidInputException(Message.FILE_PROBLEM, runs, Message.NO_SUCH_FILE.format());
    }
    List<String> policies = strings(root.get("policies"));
    List<String> options = strings(root.get("arguments"));
    List<String> swept = strings(root.get("parameters"));
    long points = root.get("points").asLong();
    long perPoint = root.get("runsPerPoint").asLong();
    Inputs in = new Inputs("sweep", root.get("scenario").asText(),
        root.get("scenarioFile").asText(), text, policies, options, root.get("seed").asLong(),
        points * perPoint, root.get("version").asText(), Map.of());
    try (ResultWriter w = store.begin(in)) {
      List<String> columns = new ArrayList<>();
      swept.forEach(n -> columns.add(RunColumns.columnName(n)));
      long rows = w.appendSweepRuns(runs, columns);
      if (rows != points * perPoint) {
        throw new InvalidInputException(Message.FILE_PROBLEM, runs, rows + " runs, but sweep.json"
            + " says " + points + " points of " + perPoint + " runs");
      }
      for (JsonNode r : root.get("results")) {
        int point = r.get("point").asInt();
        JsonNode pv = r.get("parameters");
        for (String n : swept) {
          w.sweepPoint(point, n, pv.get(n).asDouble());
        }
      }
      w.finish(summary);
      return w.id();
    }
  }

  private static List<String> strings(JsonNode a) {
    List<String> l = new ArrayList<>();
    if (a != null) {
      a.forEach(x -> l.add(x.asText()));
    }
    return l;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.FILE_PROBLEM, p,
          Message.CANNOT_READ.format(e.getMessage()));
    }
  }

  /** The SHA-256 of a text's UTF-8 bytes, in hexadecimal. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
  }
}
