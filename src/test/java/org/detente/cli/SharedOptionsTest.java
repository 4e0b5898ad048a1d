package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line speaks one language: a shared option has the same short flag, long name and
 * meaning in every command; one default run count; choices are enums whose candidates picocli
 * lists in help and errors; the older long names still work.
 */
class SharedOptionsTest {

  /** The shared flags: short name to long name. */
  private static final Map<String, String> SHARED = Map.of(
      "-s", "--seed", "-n", "--runs", "-t", "--threads", "-p", "--policy", "-o", "--out",
      "-q", "--quiet", "-j", "--json");

  private static final String US = "scenarios/us-russia-2022.yaml";
  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";

  /** Every command and subcommand, by its full name. */
  private static Map<String, CommandSpec> commands() {
    Map<String, CommandSpec> all = new LinkedHashMap<>();
    collect(Main.commandLine(), "", all);
    return all;
  }

  private static void collect(CommandLine cl, String prefix, Map<String, CommandSpec> all) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      String name = (prefix + " " + e.getKey()).strip();
      all.put(name, e.getValue().getCommandSpec());
      collect(e.getValue(), name, all);
    }
  }

  @Test
  void aSharedFlagHasOneShortAndOneLongNameEverywhere() {
    List<String> wrong = new ArrayList<>();
    for (var c : commands().entrySet()) {
      for (OptionSpec o : c.getValue().options()) {
        List<String> names = List.of(o.names());
        for (var flag : SHARED.entrySet()) {
          boolean hasShort = names.contains(flag.getKey());
          boolean hasLong = names.contains(flag.getValue());
          // bench bargain's --runs is the older name of its --repeats (timed repetitions);
          // schema -o names the one file it writes (--output), where --out names a folder
          boolean olderName = c.getKey().equals("bench bargain") && names.contains("--repeats")
              || c.getKey().equals("schema") && names.contains("--output");
          if (hasShort != hasLong && !olderName) {
            wrong.add(c.getKey() + " " + names);
          }
        }
      }
    }
    assertThat(wrong).as("options with a shared short flag but another long name, or the"
        + " reverse").isEmpty();
  }

  @Test
  void theLongCommandsShareTheirOptions() {
    Map<String, List<String>> expected = Map.of(
        "run", List.of("-s", "-n", "-t", "-p", "-o", "-j", "-q", "--progress"),
        "compare", List.of("-s", "-n", "-t", "-p", "-j", "-q", "--progress"),
        "hypotheses", List.of("-s", "-n", "-t", "-p", "-j", "-q", "--progress"),
        "report", List.of("-s", "-n", "-t", "-p", "-o", "-q", "--progress"),
        "sensitivity", List.of("-s", "-t", "-j", "-q", "--progress"),
        "bargain", List.of("-s", "-t", "-j", "-q", "--progress"),
        "bench engine", List.of("-n", "-t", "-j", "-q", "--progress"),
        "bench effects", List.of("-s", "-j", "-q", "--progress"),
        "bench bargain", List.of("-s", "-t", "-j", "-q", "--progress"),
        "explain", List.of("-s", "-p", "-j"));
    Map<String, CommandSpec> all = commands();
    for (var e : expected.entrySet()) {
      CommandSpec spec = all.get(e.getKey());
      for (String flag : e.getValue()) {
        assertThat(spec.findOption(flag)).as("%s %s", e.getKey(), flag).isNotNull();
      }
    }
    // the seed of the ensemble commands is one declaration, hence one description
    List<String> seedHelp = new ArrayList<>();
    for (String c : List.of("run", "explain", "compare", "sensitivity", "hypotheses", "report")) {
      seedHelp.add(String.join(" ", all.get(c).findOption("--seed").description()));
    }
    assertThat(seedHelp).containsOnly(seedHelp.get(0));
  }

  @Test
  void everyEnsembleCommandHasTheSameDefaultRunCount() {
    Map<String, CommandSpec> all = commands();
    List<String> defaults = new ArrayList<>();
    for (String c : List.of("run", "compare", "hypotheses", "report", "bench engine")) {
      defaults.add(all.get(c).findOption("--runs").defaultValue());
    }
    assertThat(defaults).containsOnly(SharedOptions.DEFAULT_RUNS);
  }

  @Test
  void choicesAreEnumsListedInHelpAndErrors() {
    Map<String, CommandSpec> all = commands();
    Map<String, List<String>> choices = new LinkedHashMap<>();
    choices.put("sensitivity --method", List.of("morris", "sobol", "both"));
    choices.put("hypotheses --likelihood", List.of("joint", "product"));
    choices.put("effects --burst", List.of("air", "surface"));
    choices.put("report --tornado-parameters", List.of("declared", "all"));
    choices.put("bench engine --memory-model", List.of("synthetic", "seed"));
    for (var e : choices.entrySet()) {
      String[] parts = e.getKey().split(" --");
      OptionSpec o = all.get(parts[0]).findOption("--" + parts[1]);
      assertThat(o.type().isEnum()).as(e.getKey()).isTrue();
      List<String> candidates = new ArrayList<>();
      o.completionCandidates().forEach(candidates::add);
      assertThat(candidates).as(e.getKey()).isEqualTo(e.getValue());
    }
    CliRun.Result help = CliRun.exec("sensitivity", "--help");
    assertThat(help.out()).contains("morris, sobol, both");
    CliRun.Result bad = CliRun.exec("hypotheses", US, "--evidence",
        "evidence/us-russia-2022.yaml", "--likelihood", "sum");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("expected one of [joint, product]");
    CliRun.Result burst = CliRun.exec("effects", "--yield", "1kt", "--burst", "lunar", "--lat",
        "0", "--lon", "0");
    assertThat(burst.code()).isEqualTo(2);
    assertThat(burst.err()).contains("expected one of [air, surface]");
  }

  @Test
  void choicesIgnoreCase() {
    CliRun.Result upper = CliRun.exec("effects", "--yield", "20kt", "--burst", "SURFACE",
        "--lat", "59.44", "--lon", "24.75", "-j");
    CliRun.Result lower = CliRun.exec("effects", "--yield", "20kt", "--burst", "surface",
        "--lat", "59.44", "--lon", "24.75", "-j");
    assertThat(upper.code()).isZero();
    assertThat(upper.out()).isEqualTo(lower.out()).contains("\"burst\" : \"surface\"");
  }

  @Test
  void shortAndLongFlagsGiveTheSameOutput() {
    CliRun.Result longFlags = CliRun.exec("compare", CUBA, "--policy", "no-back-channel",
        "--runs", "30", "--seed", "4", "--threads", "2", "--json", "--quiet");
    CliRun.Result shortFlags = CliRun.exec("compare", CUBA, "-p", "no-back-channel", "-n", "30",
        "-s", "4", "-t", "2", "-j", "-q");
    assertThat(longFlags.code()).isZero();
    assertThat(shortFlags.out()).isEqualTo(longFlags.out());
  }

  @Test
  void explainDefaultsToTheSeedOfRun() {
    CliRun.Result implicit = CliRun.exec("explain", CUBA, "--run", "3");
    CliRun.Result explicit = CliRun.exec("explain", CUBA, "--run", "3", "--seed", "1");
    assertThat(implicit.code()).isZero();
    assertThat(implicit.out()).isEqualTo(explicit.out());
  }

  @Test
  void olderLongNamesStillWork() {
    Map<String, CommandSpec> all = commands();
    assertThat(all.get("schema").findOption("-o")).isSameAs(
        all.get("schema").findOption("--output"));
    assertThat(all.get("bench bargain").findOption("--runs")).isSameAs(
        all.get("bench bargain").findOption("--repeats"));
  }
}
