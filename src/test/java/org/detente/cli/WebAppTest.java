package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.detente.web.ScenarioLibrary;
import org.detente.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application end to end, in real headless Chromium (Debian's chromium and
 * chromium-driver; .ci/run installs them): break a scenario in the editor and read the loader's
 * located message, run an ensemble and read the same numbers as the command line, place a burst
 * on the map and read its casualties, open the stored result; no console errors. Screenshots go
 * to target/web-screenshots (docs/img has copies). The API's refusals of untrusted input are
 * checked over plain HTTP.
 */
class WebAppTest {

  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "web-screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path dir;
  private static WebServer server;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("detente-webapp-test");
    server = new WebServer(new ServeCommand.InProcess(),
        new ScenarioLibrary(Path.of("scenarios"), dir.resolve("user")), dir.resolve("r.duckdb"),
        Path.of("evidence"));
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/";
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (dir != null) {
      org.detente.cli.DbCommandTest.deleteQuietly(dir);
    }
  }

  private static WebDriver browser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError("CI needs Debian's chromium and chromium-driver (.ci/run installs"
          + " them)");
    }
    Assumptions.assumeTrue(present, "chromium and chromedriver are not installed");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--window-size=1400,1100", "--lang=en");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService svc = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(svc, o);
  }

  private static void shot(WebDriver d, String name) throws IOException {
    Files.createDirectories(SHOTS);
    File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void assertNoConsoleErrors(WebDriver d) {
    List<LogEntry> errors = d.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(errors).as("console errors").isEmpty();
  }

  @Test
  void editRunPlaceABurstAndOpenTheStoredResultInChromium() throws Exception {
    WebDriver d = browser();
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(180));
      JavascriptExecutor js = (JavascriptExecutor) d;

      // the library, a scenario in the editor, broken: the loader's located message
      d.get(base + "#scenarios");
      wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("button.scenario[data-name='cuban-missile-crisis-1962.yaml']"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#problems li.ok")));
      // the bundled scenario matches the JSON Schema, checked in the page
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schema-problems"),
          "Matches the schema."));
      WebElement editor = d.findElement(By.id("editor"));
      js.executeScript("arguments[0].value = arguments[0].value.replace("
          + "'  title: Cuban missile crisis, October 1962', '  titel: Cuban missile crisis');"
          + "arguments[0].dispatchEvent(new Event('input'));", editor);
      // as typed: the JSON Schema's message, located as the loader locates its own
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schema-problems"),
          "cuban-missile-crisis-1962.yaml:22:3: meta.titel: unknown field 'titel'"));
      assertThat(d.findElement(By.id("schema-problems")).getText())
          .contains("cuban-missile-crisis-1962.yaml:20:1: meta: missing field 'title'");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems"),
          "cuban-missile-crisis-1962.yaml:22:3: meta.titel: unknown field 'titel'"));
      d.findElement(By.id("save")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-state"),
          "not saved"));
      shot(d, "web-editor.png");

      // an ensemble with live progress, then its results: the command line's numbers
      d.get(base + "#run");
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#run-scenario option[value='cuban-missile-crisis-1962.yaml']")));
      js.executeScript("document.getElementById('run-scenario').value ="
          + " 'cuban-missile-crisis-1962.yaml'; document.getElementById('run-runs').value ="
          + " '200'; document.getElementById('run-seed').value = '3';");
      d.findElement(By.id("run-start")).click();
      WebElement settlement = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#outcome-settlement td.p")));
      CliRun.Result cli = CliRun.exec("run", CUBA, "-n", "200", "--seed", "3", "--json",
          "--no-timing");
      JsonNode outcomes = JSON.readTree(cli.out()).get("outcomes");
      for (String o : List.of("settlement", "frozen", "conventional_war")) {
        if (outcomes.has(o)) {
          String p = d.findElement(By.cssSelector("#outcome-" + o + " td.p")).getText();
          assertThat(p).as(o).isEqualTo(String.format(Locale.ROOT, "%.4f",
              outcomes.get(o).get("p").asDouble()));
        }
      }
      assertThat(settlement.getText()).isNotEmpty();
      wait.until(ExpectedConditions.attributeContains(By.id("run-report"), "src", "/report"));
      Thread.sleep(1500);
      shot(d, "web-run.png");

      // a burst on Warsaw, clicked on the map: casualties and the most affected places
      d.get(base + "#effects");
      WebElement svg = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#world svg")));
      @SuppressWarnings("unchecked")
      List<Number> off = (List<Number>) js.executeScript("const s = arguments[0];"
          + " const p = s.createSVGPoint(); p.x = 21.01; p.y = -52.23;"
          + " const q = p.matrixTransform(s.getScreenCTM()); const r = s.getBoundingClientRect();"
          + " return [q.x - (r.left + r.width / 2), q.y - (r.top + r.height / 2)];", svg);
      new Actions(d).moveToElement(svg, off.get(0).intValue(), off.get(1).intValue()).click()
          .perform();
      WebElement deaths = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.id("fx-deaths")));
      long dead = Long.parseLong(deaths.getText().replaceAll("[^0-9]", ""));
      assertThat(dead).isGreaterThan(10_000);
      assertThat(d.findElement(By.id("fx-places")).getText()).contains("Warsaw");
      Thread.sleep(1500);
      shot(d, "web-effects.png");

      // the stored result, opened
      d.get(base + "#results");
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.open-result")))
          .click();
      WebElement stored = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#result-detail #outcome-settlement td.p")));
      assertThat(stored.getText()).isEqualTo(String.format(Locale.ROOT, "%.4f",
          outcomes.get("settlement").get("p").asDouble()));
      shot(d, "web-results.png");

      assertNoConsoleErrors(d);
    } finally {
      d.quit();
    }
  }

  @Test
  void theTimelineSensitivityHypothesesAndNegotiationPagesShowTheCommandLinesNumbers()
      throws Exception {
    WebDriver d = browser();
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(240));
      JavascriptExecutor js = (JavascriptExecutor) d;

      // sensitivity: the tornado and the table of Morris effects
      d.get(base + "#sensitivity");
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#sens-scenario option[value='cuban-missile-crisis-1962.yaml']")));
      js.executeScript("document.getElementById('sens-scenario').value ="
          + " 'cuban-missile-crisis-1962.yaml'; document.getElementById('sens-samples').value ="
          + " '2'; document.getElementById('sens-rpp').value = '20';"
          + " document.getElementById('sens-seed').value = '3';");
      d.findElement(By.id("sens-start")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tornado svg")));
      JsonNode sens = JSON.readTree(CliRun.exec("sensitivity", CUBA, "--samples", "2",
          "--runs-per-point", "20", "--output", "settlement", "--seed", "3", "--json", "-q")
          .out()).get("parameters");
      JsonNode top = sens.get(0);
      assertThat(d.findElement(By.cssSelector("#sens-table tr[data-parameter='"
          + top.get("name").asText() + "'] td.effect")).getText()).isEqualTo(
          String.format(Locale.ROOT, "%.4f", top.get("mu_star").asDouble()));
      assertThat(d.findElements(By.cssSelector("#tornado svg rect")).size())
          .isGreaterThan(2 * Math.min(15, sens.size()) - 1);
      shot(d, "web-sensitivity.png");

      // competing hypotheses: the ACH table, the posterior with its Monte Carlo error
      d.get(base + "#hypotheses");
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#hyp-evidence option[value='us-russia-2022.yaml']")));
      wait.until(d2 -> !d2.findElement(By.id("hyp-text")).getAttribute("value").isEmpty());
      js.executeScript("document.getElementById('hyp-scenario').value = 'us-russia-2022.yaml';"
          + " document.getElementById('hyp-runs').value = '30';"
          + " document.getElementById('hyp-seed').value = '2';");
      d.findElement(By.id("hyp-start")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ach-RUS")));
      JsonNode post = JSON.readTree(CliRun.exec("hypotheses", "scenarios/us-russia-2022.yaml",
          "--evidence", "evidence/us-russia-2022.yaml", "-n", "30", "--seed", "2", "--json",
          "-q").out()).get("posterior").get("RUS");
      var it = post.fields();
      while (it.hasNext()) {
        var h = it.next();
        assertThat(d.findElement(By.cssSelector("#ach-RUS tr.posterior td[data-hypothesis='"
            + h.getKey() + "']")).getText()).isEqualTo(String.format(Locale.ROOT,
            "%.1f%% (%.1f)", 100 * h.getValue().get("p").asDouble(),
            100 * h.getValue().get("pSe").asDouble()));
      }
      shot(d, "web-hypotheses.png");

      // one run: the timeline beside the map, week by week
      d.get(base + "#timeline");
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#tl-scenario option[value='cuban-missile-crisis-1962.yaml']")));
      // run 122 of seed 1 (a conventional war on the model of this writing)
      js.executeScript("document.getElementById('tl-scenario').value ="
          + " 'us-russia-2022.yaml'; document.getElementById('tl-seed').value = '1';"
          + " document.getElementById('tl-run').value = '122';");
      d.findElement(By.id("tl-start")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#tl-map svg circle.theater")));
      JsonNode run = JSON.readTree(CliRun.exec("explain", "scenarios/us-russia-2022.yaml",
          "--seed", "1", "--run", "122", "--json").out());
      assertThat(d.findElement(By.id("tl-outcome")).getText()).contains("Outcome: "
          + run.get("outcome").get("id").asText() + " at week "
          + run.get("outcome").get("week").asInt());
      // the slider moves the map to another week: its control is the command's
      // the last week with an attack, if the run has one, else week 4 (or the last)
      int week = Math.min(4, run.get("weeks").size() - 1);
      boolean anyAttack = false;
      for (JsonNode w : run.get("weeks")) {
        for (JsonNode dec : w.get("decisions")) {
          if (dec.get("action").asText().equals("attack")) {
            week = w.get("week").asInt();
            anyAttack = true;
          }
        }
      }
      js.executeScript("const s = document.getElementById('tl-week'); s.value = arguments[0];"
          + " s.dispatchEvent(new Event('input'));", week);
      JsonNode theaters = run.get("theaters");
      for (int t = 0; t < theaters.size(); t++) {
        JsonNode ctl = run.get("weeks").get(week).get("control").get(t);
        assertThat(d.findElement(By.cssSelector("#tl-state tr[data-theater='"
            + theaters.get(t).get("id").asText() + "'] td.control")).getText())
            .isEqualTo(ctl.isNull() ? "none" : ctl.asText());
      }
      // the week's attacks, ringed on the map and listed in the table
      int attacked = 0;
      for (JsonNode dec : run.get("weeks").get(week).get("decisions")) {
        if (dec.get("action").asText().equals("attack") && dec.get("rung").asInt() < 6) {
          attacked++;
          assertThat(d.findElement(By.cssSelector("#tl-state tr[data-theater='"
              + dec.get("theater").asText() + "']")).getText()).endsWith("attacked");
        }
      }
      assertThat(attacked > 0).as("attacks in week " + week).isEqualTo(anyAttack);
      assertThat(d.findElements(By.cssSelector("#tl-map svg circle.theater")))
          .hasSize(run.get("theaters").size());
      shot(d, "web-timeline.png");

      // the negotiation: positions turn by turn, the outcome per issue
      d.get(base + "#bargain");
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("#barg-scenario option[value='cuban-missile-crisis-1962.yaml']")));
      js.executeScript("document.getElementById('barg-scenario').value ="
          + " 'cuban-missile-crisis-1962.yaml';");
      d.findElement(By.id("barg-start")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#barg-outcome")));
      JsonNode barg = JSON.readTree(CliRun.exec("bargain", CUBA, "--json").out());
      var dims = barg.get("outcome").fields();
      while (dims.hasNext()) {
        var e = dims.next();
        assertThat(d.findElement(By.cssSelector("#barg-outcome tr[data-issue='" + e.getKey()
            + "'] td.outcome")).getText()).isEqualTo(String.format(Locale.ROOT, "%.2f",
            e.getValue().asDouble()));
      }
      assertThat(d.findElements(By.cssSelector("#barg-results .chart svg")))
          .hasSize(barg.get("outcome").size());
      shot(d, "web-bargain.png");

      assertNoConsoleErrors(d);
    } finally {
      d.quit();
    }
  }

  @Test
  void untrustedInputIsRefusedWithAMessageAndNoStackTrace() throws Exception {
    HttpClient c = HttpClient.newHttpClient();
    HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base
        + "api/scenarios/..%2F..%2Fetc%2Fpasswd")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isIn(400, 404);
    assertThat(r.body()).doesNotContain("root:").doesNotContain("Exception");
    r = c.send(HttpRequest.newBuilder(URI.create(base + "api/validate/x.yaml"))
        .POST(HttpRequest.BodyPublishers.ofString("a".repeat(2_000_000))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    r = c.send(HttpRequest.newBuilder(URI.create(base + "api/runs"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"cuban-missile-crisis-1962"
            + ".yaml\",\"runs\":100000000}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asText()).contains("runs must be between");
    r = c.send(HttpRequest.newBuilder(URI.create(base + "api/effects?lat=95&lon=0")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("lat must be between");
    r = c.send(HttpRequest.newBuilder(URI.create(base + "api/runs"))
        .POST(HttpRequest.BodyPublishers.ofString("not json")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isBetween(400, 499);
    assertThat(r.body()).doesNotContain("at com.").doesNotContain("at org.");
  }

  @Test
  void aComparisonOfPoliciesGivesTheCommandLinesNumbers() throws Exception {
    HttpClient c = HttpClient.newHttpClient();
    HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "api/runs"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"cuban-missile-crisis-1962"
            + ".yaml\",\"runs\":80,\"seed\":5,\"policies\":[\"" + policy() + "\"]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = JSON.readTree(r.body()).get("id").asText();
    JsonNode job = null;
    for (int i = 0; i < 600; i++) {
      job = JSON.readTree(c.send(HttpRequest.newBuilder(URI.create(base + "api/runs/" + id))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      if (!job.get("state").asText().matches("queued|running")) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
    CliRun.Result cli = CliRun.exec("compare", CUBA, "--baseline", "-p", policy(), "-n", "80",
        "--seed", "5", "--json");
    JsonNode expected = JSON.readTree(cli.out()).get("differences");
    assertThat(job.get("result").get("differences")).isEqualTo(expected);
  }

  private static String policy() throws IOException {
    var s = org.detente.scenario.ScenarioLoader.load(Path.of(CUBA));
    return s.policies().get(0).id();
  }
}
