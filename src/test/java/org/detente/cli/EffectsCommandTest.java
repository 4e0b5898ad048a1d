package org.detente.cli;

import org.detente.cli.CliRun.Result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectsCommandTest {

  static Result run(String... args) {
    return CliRun.exec(args);
  }

  @Test
  void jsonHasTheDocumentedFieldsAndEchoesInputs() throws Exception {
    Result r = run("effects", "--yield", "300kt", "--target", "Warsaw", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("yieldKt").asDouble()).isEqualTo(300);
    assertThat(j.get("burst").asText()).isEqualTo("air");
    assertThat(j.get("heightOfBurstM").asDouble())
        .isCloseTo(org.detente.effects.Blast.optimumHeightM(300), org.assertj.core.data.Offset.offset(0.1));
    for (String k : new String[] {"1", "2", "3", "5", "10", "20"}) {
      assertThat(j.get("overpressureRangesKm").has(k)).isTrue();
    }
    assertThat(j.get("thermalRangesKm").get("thirdDegree").asDouble()).isPositive();
    assertThat(j.get("radiationRangesKm").has("500")).isTrue();
    assertThat(j.get("fireballRadiusKm").asDouble()).isPositive();
    JsonNode c = j.get("casualties");
    assertThat(c.get("deaths").asLong()).isPositive();
    assertThat(c.get("injuries").asLong()).isPositive();
    assertThat(c.get("falloutDeaths").asLong()).isZero();
    assertThat(c.get("cities").get(0).get("name").asText()).isEqualTo("Warsaw");
    assertThat(c.get("populationSource").asText()).contains("GeoNames (geonames.org), CC BY 4.0");
    assertThat(j.get("inputs").get("target").asText()).isEqualTo("Warsaw");
    // byte-for-byte reproducible
    assertThat(run("effects", "--yield", "300kt", "--target", "Warsaw", "--json").out()).isEqualTo(r.out());
  }

  @Test
  void surfaceBurstWithWindReportsFallout() throws Exception {
    Result r = run("effects", "--yield", "1Mt", "--burst", "surface", "--lat", "42.33", "--lon",
        "-83.05", "--wind", "15mph", "--wind-from", "250", "--fission", "0.5", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("heightOfBurstM").asDouble()).isZero();
    assertThat(j.get("fallout").get("doseRateH1Contours").get(0).get("downwindKm").asDouble())
        .isGreaterThan(100);
    assertThat(j.get("casualties").get("falloutDeaths").asLong()).isPositive();
  }

  @Test
  void humanTableNamesTheEffectsAndTheAttribution() {
    Result r = run("effects", "--yield", "15kt", "--target", "Hiroshima", "--height", "1900ft");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Overpressure  5 psi").contains("Third-degree burns")
        .contains("Initial radiation 500 rem").contains("Casualties:")
        .contains("GeoNames (geonames.org), CC BY 4.0");
  }

  @Test
  void ambiguousAndUnknownPlacesListCandidates() {
    Result amb = run("effects", "--yield", "100kt", "--target", "Springfield");
    assertThat(amb.code()).isEqualTo(1);
    assertThat(amb.err()).contains("ambiguous").contains("Springfield, US, MA").contains("population");
    Result ok = run("effects", "--yield", "100kt", "--target", "Springfield, US, MA");
    assertThat(ok.code()).as(ok.err()).isZero();
    Result cc = run("effects", "--yield", "100kt", "--target", "London", "--country", "GB");
    assertThat(cc.code()).as(cc.err()).isZero();
    // a small town outside the 100,000+ list is found among all places of 1,000 or more
    Result town = run("effects", "--yield", "10kt", "--target", "Los Alamos, US, NM", "--json");
    assertThat(town.code()).as(town.err()).isZero();
    assertThat(town.out()).contains("\"Los Alamos\"");
    Result unk = run("effects", "--yield", "100kt", "--target", "Warshaw");
    assertThat(unk.code()).isEqualTo(1);
    assertThat(unk.err()).contains("did you mean").contains("Warsaw, PL");
    assertThat(unk.err()).doesNotContain("Exception");
  }

  @Test
  void placesAreFoundByTheirNamesInOtherLanguagesAndScripts() {
    for (String[] c : new String[][] {
        {"Москва", "\"Moscow\""}, {"東京", "\"Tokyo\""}, {"Warszawa", "\"Warsaw\""},
        {"Moskva, RU", "\"Moscow\""}}) {
      Result r = run("effects", "--yield", "10kt", "--target", c[0], "--json");
      assertThat(r.code()).as(c[0] + ": " + r.err()).isZero();
      assertThat(r.out()).as(c[0]).contains(c[1]);
    }
    // an alternate name keeps to the country asked for
    Result elsewhere = run("effects", "--yield", "10kt", "--target", "Москва, US");
    assertThat(elsewhere.code()).isEqualTo(1);
    assertThat(elsewhere.err()).doesNotContain("Exception");
  }

  @Test
  void badInputsGiveClearErrorsAndExitCodes() {
    assertThat(run("effects", "--yield", "300").code()).isEqualTo(2);
    assertThat(run("effects", "--yield", "300kt", "--height", "1.2 parsecs").code()).isEqualTo(2);
    Result big = run("effects", "--yield", "60Mt");
    assertThat(big.code()).isEqualTo(1);
    assertThat(big.err()).contains("yield must be between 0.01 kt and 50 Mt");
    assertThat(run("effects", "--yield", "300kt", "--fission", "1.5").code()).isEqualTo(1);
    assertThat(run("effects", "--yield", "300kt", "--burst", "sideways").code()).isEqualTo(2);
    assertThat(run("effects", "--yield", "300kt", "--lat", "10").code()).isEqualTo(2);
    assertThat(run("effects", "--yield", "300kt", "--burst", "surface", "--height", "1km").code())
        .isEqualTo(2);
  }

  @Test
  void outOfRangeValuesAreInvalidInputLikeYieldAndFission() {
    for (String[] args : new String[][] {
        {"--lat", "91", "--lon", "0"}, {"--lat", "0", "--lon", "181"}, {"--shelter-pf", "0"},
        {"--yield", "0kt"}, {"--fission", "1.5"}}) {
      List<String> all = new ArrayList<>(List.of("effects"));
      all.addAll(List.of(args));
      if (!all.contains("--yield")) {
        all.addAll(List.of("--yield", "300kt"));
      }
      Result r = run(all.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(1);
      assertThat(r.err()).contains("must be").doesNotContain("internal error");
    }
  }

  @Test
  void placeTextsOfNoFormAreInvalidInputNotInternalErrors() {
    for (String t : new String[] {",,,", ",", " ", "Warsaw,,", "a,b,c,d"}) {
      Result r = run("effects", "--yield", "300kt", "--target", t);
      assertThat(r.code()).as(t + ": " + r.err()).isEqualTo(1);
      assertThat(r.err()).contains("expected \"Name\", \"Name, CC\" or \"Name, CC, ADMIN1\"")
          .doesNotContain("internal error").doesNotContain("Exception");
    }
    Result unknown = run("effects", "--yield", "300kt", "--target", "Warshaw");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown place 'Warshaw'; did you mean: Warsaw, PL, 78");
    Result ambiguous = run("effects", "--yield", "300kt", "--target", "Brest");
    assertThat(ambiguous.code()).isEqualTo(1);
    assertThat(ambiguous.err()).contains("place 'Brest' is ambiguous").contains("Brest, BY")
        .contains("Brest, FR");
  }

  @Test
  void mapIsASelfContainedOfflineHtmlFile(@TempDir Path dir) throws Exception {
    Path map = dir.resolve("warsaw.html");
    Result r = run("effects", "--yield", "300kt", "--burst", "surface", "--target", "Warsaw",
        "--map", map.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(map);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Warsaw")
        .contains("GeoNames (geonames.org), CC BY 4.0").contains("Natural Earth")
        .contains("rad/h").contains(" km</text>");
    // nothing fetched: no scripts, stylesheets, images or URLs other than the SVG namespace
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
        .doesNotContain("<link").doesNotContain("<img");
    try (var files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(1); // no temporary file left behind
    }
  }
}
