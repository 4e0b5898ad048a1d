package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what every command prints and writes, byte for byte, on the bundled scenarios and samples:
 * standard output and error in full, each file an output folder receives as its SHA-256. A
 * refactor must leave every golden file unchanged; a change of the model or of an output format
 * updates them in its own commit, saying why. To rewrite the golden files after such a change:
 * {@code mvn -B test -Dtest=GoldenOutputsTest -Dgolden.update=true}, then review the diff.
 */
class GoldenOutputsTest {

  private static final Path GOLDEN = Paths.get("src/test/resources/golden");
  private static final String US = "scenarios/us-russia-2022.yaml";
  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";
  private static final String OUT = "{out}";
  /** Wall-clock figures, the one thing allowed to differ between two runs. */
  private static final java.util.regex.Pattern TIMING =
      java.util.regex.Pattern.compile("\"(seconds|runsPerSecond)\" : [0-9.E-]+");
  private static final java.util.regex.Pattern TIME_TEXT =
      java.util.regex.Pattern.compile("time [0-9.]+ s");

  /** One golden case: a name and the command line ({@code {out}} becomes a fresh folder). */
  record Case(String name, String... args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("run-us-russia-out", "run", US, "--runs", "400", "--seed", "5", "--threads", "2",
            "--no-timing", "-q", "--out", OUT),
        new Case("run-cuba-json", "run", CUBA, "--runs", "400", "--seed", "3", "--threads", "1",
            "-q", "--json"),
        new Case("run-us-russia-motive", "run", US, "--motive", "RUS=conquer-europe", "--runs",
            "300", "--seed", "9", "--threads", "2", "-q", "--no-timing"),
        new Case("run-us-russia-policy-horizon", "run", US, "--policy", "open-channel",
            "--horizon", "52", "--runs", "300", "--seed", "2", "--threads", "2", "-q", "--json"),
        new Case("explain-us-russia", "explain", US, "--seed", "3", "--run", "2"),
        new Case("explain-cuba-all", "explain", CUBA, "--seed", "1", "--run", "0", "--all"),
        new Case("compare-us-russia", "compare", US, "--baseline", "--policy", "open-channel",
            "--policy", "asian-alliance", "--runs", "300", "--seed", "1"),
        new Case("compare-cuba-json", "compare", CUBA, "--baseline", "--policy",
            cubaPolicy(), "--runs", "300", "--seed", "4", "--json"),
        new Case("sensitivity-morris", "sensitivity", US, "--method", "morris", "--samples", "2",
            "--runs-per-point", "20", "--output", "settlement", "--seed", "2"),
        new Case("sensitivity-sobol-json", "sensitivity", CUBA, "--method", "sobol", "--samples",
            "16", "--runs-per-point", "10", "--output", "settlement", "--parameter", "qreLambda",
            "--parameter", "crisisCost", "--bootstrap", "50", "--seed", "3", "--json"),
        new Case("hypotheses-us-russia", "hypotheses", US, "--evidence",
            "evidence/us-russia-2022.yaml", "--runs", "200", "--seed", "1"),
        new Case("hypotheses-us-russia-product-json", "hypotheses", US, "--evidence",
            "evidence/us-russia-2022.yaml", "--runs", "200", "--seed", "2", "--likelihood",
            "product", "--json"),
        new Case("effects-warsaw", "effects", "--yield", "300kt", "--target", "Warsaw"),
        new Case("effects-tallinn-surface-json", "effects", "--yield", "1Mt", "--burst",
            "surface", "--lat", "59.44", "--lon", "24.75", "--json"),
        new Case("effects-tokyo-wind", "effects", "--yield", "20kt", "--burst", "surface",
            "--target", "Tokyo", "--wind", "40km/h", "--wind-from", "180"),
        new Case("bargain-ktab-soe", "bargain", "src/main/resources/data/ktab/SOE-Pol-Comp.csv"),
        new Case("bargain-ktab-3dim-json", "bargain",
            "src/main/resources/data/ktab/dummyData_3Dim.csv", "--json"),
        new Case("bargain-us-russia", "bargain", US),
        new Case("validate-bundled", "validate", US, CUBA),
        new Case("validate-bad", "validate", "src/test/resources/scenarios/bad/typo-field.yaml",
            "src/test/resources/scenarios/bad/unknown-actor.yaml"));
  }

  private static String cubaPolicy() {
    return "no-back-channel";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputIsUnchanged(Case c, @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    List<String> args = new ArrayList<>();
    for (String a : c.args()) {
      args.add(a.equals(OUT) ? out.toString() : a);
    }
    CliRun.Result r = CliRun.exec(args.toArray(String[]::new));
    StringBuilder sb = new StringBuilder();
    sb.append("# detente ").append(String.join(" ", c.args())).append('\n');
    sb.append("## exit ").append(r.code()).append('\n');
    sb.append("## stdout\n").append(r.out());
    sb.append("## stderr\n").append(r.err().replace(out.toString(), OUT));
    if (Files.isDirectory(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          byte[] bytes = Files.readAllBytes(f);
          sb.append("## file ").append(out.relativize(f).toString().replace('\\', '/'))
              .append(' ').append(bytes.length).append(' ').append(sha256(bytes)).append('\n');
        }
      }
    }
    String actual = TIMING.matcher(sb.toString()).replaceAll("\"$1\" : <timing>");
    actual = TIME_TEXT.matcher(actual).replaceAll("time <timing> s");
    Path golden = GOLDEN.resolve(c.name() + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file %s (create it with -Dgolden.update=true)", golden)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
