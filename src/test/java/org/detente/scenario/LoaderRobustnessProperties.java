package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random mutations and truncations of valid scenario files never make the loader fail with
 * anything but a {@link ScenarioException}, and never produce a problem that hides an internal
 * error.
 */
class LoaderRobustnessProperties {

  private static final byte[] MINIMAL = read("src/test/resources/scenarios/minimal.yaml");
  private static final byte[] US_RUSSIA = read("scenarios/us-russia-2022.yaml");
  private static final String[] FRAGMENTS = {
    "\t", ":", ": ", "- ", "[", "]", "{", "}", "\"", "'", "#", "&a ", "*a", "!!str ", "|", ">",
    "\n", "\n  ", "1e999", "-1", "0.5", "null", "~", "999999999999999999999", "kt", " M",
    "? ", "%", "@", "`", "\u0000", "\u00ff", "\uFEFF", ",", "---\n", "...\n", "x: y\n"
  };

  @Property(tries = 200)
  void mutatedMinimalFailsOnlyWithScenarioException(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int edits) throws IOException {
    check(mutate(MINIMAL, seed, edits));
  }

  @Property(tries = 40)
  void mutatedBundledFailsOnlyWithScenarioException(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int edits) throws IOException {
    check(mutate(US_RUSSIA, seed, edits));
  }

  @Property(tries = 100)
  void truncatedFailsOnlyWithScenarioException(@ForAll @IntRange(min = 0, max = 100_000) int cut)
      throws IOException {
    byte[] src = cut % 2 == 0 ? MINIMAL : US_RUSSIA;
    check(Arrays.copyOf(src, cut % (src.length + 1)));
  }

  private static void check(byte[] content) throws IOException {
    Path f = Files.createTempFile("detente-mutated", ".yaml");
    try {
      Files.write(f, content);
      List<Problem> problems = ScenarioLoader.validate(f);
      assertNoInternalError(problems);
      for (List<String> policies : List.of(List.<String>of(), List.of("open-channel"))) {
        Throwable t = catchThrowable(() -> ScenarioLoader.load(f, policies));
        if (t != null) {
          assertThat(t).isInstanceOf(ScenarioException.class);
          assertThat(((ScenarioException) t).problems()).isNotEmpty();
          assertNoInternalError(((ScenarioException) t).problems());
        }
      }
    } finally {
      Files.deleteIfExists(f);
    }
  }

  private static void assertNoInternalError(List<Problem> problems) {
    for (Problem p : problems) {
      assertThat(p.message()).doesNotContain("Exception").doesNotContain("java.");
      assertThat(p.line()).isGreaterThanOrEqualTo(0);
    }
  }

  private static byte[] mutate(byte[] src, long seed, int edits) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String text = new String(src, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    for (int e = 0; e < edits; e++) {
      int i = rnd.nextInt(lines.size());
      String line = lines.get(i);
      switch (rnd.nextInt(6)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, line);
        case 2 -> {
          int at = line.isEmpty() ? 0 : rnd.nextInt(line.length() + 1);
          String frag = FRAGMENTS[rnd.nextInt(FRAGMENTS.length)];
          lines.set(i, line.substring(0, at) + frag + line.substring(at));
        }
        case 3 -> {
          if (!line.isEmpty()) {
            int at = rnd.nextInt(line.length());
            int len = 1 + rnd.nextInt(Math.min(8, line.length() - at));
            lines.set(i, line.substring(0, at) + line.substring(at + len));
          }
        }
        case 4 -> {
          int j = rnd.nextInt(lines.size());
          lines.set(i, lines.get(j));
          lines.set(j, line);
        }
        default -> {
          // replace a number by something else
          String repl = FRAGMENTS[rnd.nextInt(FRAGMENTS.length)];
          lines.set(i, line.replaceFirst("\\d+(\\.\\d+)?", repl.replace("$", "")));
        }
      }
      if (lines.isEmpty()) {
        lines.add("");
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
