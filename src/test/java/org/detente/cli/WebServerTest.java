package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.detente.web.Backend;
import org.detente.web.ScenarioLibrary;
import org.detente.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web application's API over plain HTTP: the analyses give the command line's numbers for
 * the same inputs and seed, the bounded queue refuses what does not fit, and a server killed
 * in the middle of an ensemble leaves a results store that opens with the result incomplete.
 */
class WebServerTest {

  private static final String CUBA = "scenarios/cuban-missile-crisis-1962.yaml";
  private static final String SEED = "scenarios/us-russia-2022.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> post(String base, String path, String body)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode get(String base, String path) throws Exception {
    return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  /** Posts a computation and waits for its end; returns the finished job. */
  static JsonNode compute(String base, String body) throws Exception {
    HttpResponse<String> r = post(base, "api/runs", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode job = finish(base, JSON.readTree(r.body()).get("id").asText());
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
    return job.get("result");
  }

  /** Waits (up to five minutes) until job {@code id} is no longer queued or running. */
  static JsonNode finish(String base, String id) throws Exception {
    JsonNode job = null;
    for (int i = 0; i < 3000; i++) {
      job = get(base, "api/runs/" + id);
      if (!job.get("state").asText().matches("queued|running")) {
        break;
      }
      Thread.sleep(100);
    }
    return job;
  }

  @Test
  void sensitivityHypothesesExplainAndBargainGiveTheCommandLinesNumbers(@TempDir Path dir)
      throws Exception {
    WebServer server = new WebServer(new ServeCommand.InProcess(),
        new ScenarioLibrary(Path.of("scenarios"), dir.resolve("user")), null,
        Path.of("evidence"));
    try {
      String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/";

      JsonNode web = compute(base, "{\"kind\":\"sensitivity\",\"scenario\":"
          + "\"cuban-missile-crisis-1962.yaml\",\"method\":\"morris\",\"samples\":2,"
          + "\"runsPerPoint\":10,\"output\":\"settlement\",\"seed\":2}");
      CliRun.Result cli = CliRun.exec("sensitivity", CUBA, "--method", "morris", "--samples",
          "2", "--runs-per-point", "10", "--output", "settlement", "--seed", "2", "--json", "-q");
      assertThat(cli.code()).as(cli.err()).isZero();
      JsonNode expected = JSON.readTree(cli.out());
      assertThat(web.get("parameters")).isEqualTo(expected.get("parameters"));
      assertThat(web.get("points")).isEqualTo(expected.get("points"));
      assertThat(web.get("file").asText()).isEqualTo("cuban-missile-crisis-1962.yaml");

      web = compute(base, "{\"kind\":\"hypotheses\",\"scenario\":\"us-russia-2022.yaml\","
          + "\"evidence\":\"us-russia-2022.yaml\",\"runs\":12,\"seed\":4}");
      cli = CliRun.exec("hypotheses", SEED, "--evidence", "evidence/us-russia-2022.yaml", "-n",
          "12", "--seed", "4", "--json", "-q");
      assertThat(cli.code()).as(cli.err()).isZero();
      expected = JSON.readTree(cli.out());
      assertThat(web.get("posterior")).isEqualTo(expected.get("posterior"));
      assertThat(web.get("ach")).isEqualTo(expected.get("ach"));
      assertThat(web.get("items")).isEqualTo(expected.get("items"));

      web = compute(base, "{\"kind\":\"explain\",\"scenario\":"
          + "\"cuban-missile-crisis-1962.yaml\",\"seed\":3,\"run\":7}");
      cli = CliRun.exec("explain", CUBA, "--seed", "3", "--run", "7", "--json");
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(web).isEqualTo(JSON.readTree(cli.out()));

      web = compute(base, "{\"kind\":\"bargain\",\"scenario\":"
          + "\"cuban-missile-crisis-1962.yaml\"}");
      cli = CliRun.exec("bargain", CUBA, "--json");
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(web).isEqualTo(JSON.readTree(cli.out()));
    } finally {
      server.close();
    }
  }

  @Test
  void badAnalysisRequestsAreRefusedWithLocatedMessages(@TempDir Path dir) throws Exception {
    WebServer server = new WebServer(new ServeCommand.InProcess(),
        new ScenarioLibrary(Path.of("scenarios"), dir.resolve("user")), null,
        Path.of("evidence"));
    try {
      String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/";
      HttpResponse<String> r = post(base, "api/runs", "{\"kind\":\"hypotheses\",\"scenario\":"
          + "\"us-russia-2022.yaml\",\"evidence\":\"../../etc/passwd\"}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("error").asText())
          .startsWith("an evidence file name is a file name");
      r = post(base, "api/runs", "{\"kind\":\"sensitivity\",\"scenario\":"
          + "\"cuban-missile-crisis-1962.yaml\",\"runsPerPoint\":100000}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("runsPerPoint must be between 1 and 2000");
      r = post(base, "api/runs", "{\"kind\":\"shell\",\"scenario\":\"x.yaml\"}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("kind: expected run, sensitivity, hypotheses, bargain or explain");
      // an evidence file of the user's with a bad field: the loader's located message, with
      // the file's name and no temporary folder
      HttpResponse<String> ok = post(base, "api/runs", "{\"kind\":\"hypotheses\",\"scenario\":"
          + "\"us-russia-2022.yaml\",\"runs\":2,\"evidenceText\":\"items:\\n  - bad: 1\\n\"}");
      assertThat(ok.statusCode()).isEqualTo(202);
      JsonNode job = finish(base, JSON.readTree(ok.body()).get("id").asText());
      assertThat(job.get("state").asText()).isEqualTo("failed");
      assertThat(job.get("error").asText()).startsWith("evidence/evidence.yaml:2:").contains(
          "items[0].bad").doesNotContain("/tmp").doesNotContain("Exception");
    } finally {
      server.close();
    }
  }

  @Test
  void aFullQueueRefusesTheNextComputationWithAPlainMessage(@TempDir Path dir)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    Backend blocking = new Backend() {
      @Override
      public Outcome command(List<String> args, BiConsumer<Long, Long> progress) {
        started.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new Outcome(1, "", "detente: stopped by the test");
      }

      @Override
      public String version() {
        return "test";
      }
    };
    WebServer server = new WebServer(blocking,
        new ScenarioLibrary(Path.of("scenarios"), dir.resolve("user")), null, null);
    try {
      String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/";
      String body = "{\"kind\":\"bargain\",\"scenario\":\"cuban-missile-crisis-1962.yaml\"}";
      // one running ...
      assertThat(post(base, "api/runs", body).statusCode()).isEqualTo(202);
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      // ... and the queue's places taken ...
      for (int i = 0; i < WebServer.QUEUE; i++) {
        assertThat(post(base, "api/runs", body).statusCode()).isEqualTo(202);
      }
      // ... the next is refused, with a message and no stack trace
      HttpResponse<String> refused = post(base, "api/runs", body);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo(
          "too many computations waiting (4 queued and one running); try again when one ends");
      release.countDown();
    } finally {
      release.countDown();
      server.close();
    }
  }

  @Test
  void aServerKilledMidRunLeavesADatabaseThatOpensWithTheResultIncomplete(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("serve.duckdb");
    ProcessBuilder pb = CliProcess.builder("serve", "--port", "0", "--db", db.toString());
    pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    pb.redirectError(dir.resolve("serve.err").toFile());
    Process p = pb.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as("the server's first line").isNotNull();
      Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(first);
      assertThat(m.find()).as(first).isTrue();
      String base = "http://127.0.0.1:" + m.group(1) + "/";
      HttpResponse<String> r = post(base, "api/runs", "{\"scenario\":\"us-russia-2022.yaml\","
          + "\"runs\":100000}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      String id = JSON.readTree(r.body()).get("id").asText();
      // wait until runs are being computed (the result's row is committed before they start)
      JsonNode job = null;
      for (int i = 0; i < 600; i++) {
        job = get(base, "api/runs/" + id);
        if (job.get("done").asLong() > 0) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(job.get("done").asLong()).as(job.toString()).isPositive();
      assertThat(job.get("state").asText()).isEqualTo("running");
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    CliRun.Result list = CliRun.exec("db", "list", "--db", db.toString(), "--json");
    assertThat(list.code()).as(list.err()).isZero();
    JsonNode all = JSON.readTree(list.out());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get("command").asText()).isEqualTo("run");
    assertThat(all.get(0).get("complete").asBoolean()).isFalse();
    assertThat(all.get(0).get("runRows").asLong()).isZero();
    assertThat(CliRun.exec("db", "list", "--db", db.toString()).out()).contains("INCOMPLETE");
  }
}
