package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every hostile input of the fuzz corpus (src/test/resources/fuzz: scenarios, evidence, KTAB
 * files, command lines; plus devices, named pipes, folders, empty and oversized files and
 * mutated scenarios made at test time) through every command that reads it, and checks each
 * answer: exit code 0, 1 or 2, no stack trace, no internal error, no program class name, nothing
 * printed behind the command line's back, and an answer within a bounded time.
 */
class FuzzCorpusTest {

  private static final Path FUZZ = Path.of("src/test/resources/fuzz");
  private static final String SCEN = "src/test/resources/scenarios/minimal.yaml";
  private static final String KTAB = "src/main/resources/data/ktab/dummyData_3Dim.csv";
  private static final String EVIDENCE_SCENARIO = "scenarios/us-russia-2022.yaml";
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Pattern INTERNAL = Pattern.compile(
      "Exception|internal error|\\bat (java|org|com)\\.|\\bjava\\.|org\\.yaml|com\\.fasterxml"
          + "|org\\.detente\\.|\\[Fatal Error\\]");

  private static final String NOISE = "[]{}:,-&*!|>'\"#%@`?\t\u0000";

  @TempDir static Path tmp;

  @TestFactory
  Stream<DynamicTest> scenarioFiles() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files("scenario")) {
      tests.add(check("validate " + f.getFileName(), "validate", f.toString()));
      tests.add(check("run " + f.getFileName(), "run", f.toString(), "--runs", "5", "--threads",
          "1", "-q"));
      tests.add(check("explain " + f.getFileName(), "explain", f.toString(), "--run", "0"));
      tests.add(check("bargain " + f.getFileName(), "bargain", f.toString()));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> evidenceFiles() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files("evidence")) {
      tests.add(check("hypotheses --evidence " + f.getFileName(), "hypotheses",
          EVIDENCE_SCENARIO, "--evidence", f.toString(), "--runs", "5", "--threads", "1"));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> ktabFiles() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files("ktab")) {
      tests.add(check("bargain " + f.getFileName(), "bargain", f.toString()));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> commandLines() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(FUZZ.resolve("args.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] args = line.replace("{SCEN}", SCEN).replace("{KTAB}", KTAB).split("\t");
      tests.add(check(String.join(" ", args), args));
    }
    return tests.stream();
  }

  /** Special files made at test time: devices, named pipes, folders, empty and huge files. */
  @TestFactory
  Stream<DynamicTest> specialFiles() throws Exception {
    List<Path> specials = new ArrayList<>();
    for (String ext : new String[] {"yaml", "csv", "xml"}) {
      Path zero = tmp.resolve("zero." + ext);
      Files.createSymbolicLink(zero, Path.of("/dev/zero"));
      Path random = tmp.resolve("urandom." + ext);
      Files.createSymbolicLink(random, Path.of("/dev/urandom"));
      Path pipe = tmp.resolve("pipe." + ext);
      Process p = new ProcessBuilder("mkfifo", pipe.toString()).start();
      assertThat(p.waitFor()).as("mkfifo").isZero();
      Path dir = tmp.resolve("folder." + ext);
      Files.createDirectory(dir);
      Path empty = tmp.resolve("empty." + ext);
      Files.createFile(empty);
      Path huge = tmp.resolve("huge." + ext);
      Files.write(huge, new byte[5 * 1024 * 1024]);
      Path dangling = tmp.resolve("dangling." + ext);
      Files.createSymbolicLink(dangling, tmp.resolve("nowhere"));
      specials.addAll(List.of(zero, random, pipe, dir, empty, huge, dangling));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : specials) {
      String name = f.getFileName().toString();
      if (name.endsWith(".yaml")) {
        tests.add(check("validate " + name, "validate", f.toString()));
        tests.add(check("run " + name, "run", f.toString(), "--runs", "5", "-q"));
        tests.add(check("hypotheses --evidence " + name, "hypotheses", EVIDENCE_SCENARIO,
            "--evidence", f.toString(), "--runs", "5"));
      }
      tests.add(check("bargain " + name, "bargain", f.toString()));
    }
    return tests.stream();
  }

  /** The small valid scenario cut short and with lines dropped, with a fixed seed. */
  @TestFactory
  Stream<DynamicTest> mutatedScenarios() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(SCEN), StandardCharsets.UTF_8);
    String text = String.join("\n", lines) + "\n";
    Random rnd = new Random(12);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String mutated;
      if (i % 4 == 0) {
        mutated = text.substring(0, rnd.nextInt(text.length()));
      } else if (i % 4 == 1) {
        List<String> l = new ArrayList<>(lines);
        l.remove(rnd.nextInt(l.size()));
        mutated = String.join("\n", l);
      } else if (i % 4 == 2) {
        char[] c = text.toCharArray();
        for (int k = 0; k < 5; k++) {
          c[rnd.nextInt(c.length)] = NOISE.charAt(rnd.nextInt(NOISE.length()));
        }
        mutated = new String(c);
      } else {
        List<String> l = new ArrayList<>(lines);
        int a = rnd.nextInt(l.size());
        int b = rnd.nextInt(l.size());
        String s = l.get(a);
        l.set(a, l.get(b));
        l.set(b, s);
        mutated = String.join("\n", l);
      }
      Path f = tmp.resolve("mutated-" + i + ".yaml");
      Files.writeString(f, mutated, StandardCharsets.UTF_8);
      tests.add(check("validate mutated-" + i, "validate", f.toString()));
      tests.add(check("run mutated-" + i, "run", f.toString(), "--runs", "5", "--threads", "1",
          "-q"));
    }
    return tests.stream();
  }

  private static List<Path> files(String folder) throws IOException {
    try (Stream<Path> s = Files.list(FUZZ.resolve(folder))) {
      return s.sorted().toList();
    }
  }

  private static DynamicTest check(String name, String... args) {
    return DynamicTest.dynamicTest(name, () -> {
      CliRun.Result r = assertTimeoutPreemptively(LIMIT, () -> execCapturingStderr(args),
          () -> name + ": no answer within " + LIMIT.toSeconds() + " s");
      String all = r.out() + r.err();
      assertThat(r.code()).as(name + "\n" + r.err()).isIn(0, 1, 2);
      assertThat(INTERNAL.matcher(all).find())
          .as(name + ": internal detail in the output:\n" + clip(all)).isFalse();
      if (r.code() != 0) {
        assertThat(r.err()).as(name + ": an error must say something").isNotBlank();
      }
    });
  }

  /** Runs in-process; what the libraries print on System.err is appended to the error text. */
  private static synchronized CliRun.Result execCapturingStderr(String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
    try {
      CliRun.Result r = CliRun.exec(args);
      return new CliRun.Result(r.code(), r.out(),
          r.err() + stray.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }

  private static String clip(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }
}
