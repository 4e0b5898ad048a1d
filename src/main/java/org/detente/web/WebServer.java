package org.detente.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.detente.geo.City;
import org.detente.geo.CityIndex;
import org.detente.store.ResultStore;
import org.detente.store.StoredResult;

/**
 * The web application: a Javalin server on one host and port, serving the single page
 * ({@code /web/index.html} and its script) and a small JSON API. Ensembles run one at a time on a
 * worker thread, with at most {@link #QUEUE} more waiting; the browser follows one by
 * server-sent events. Input from the browser is untrusted: bodies over {@link #MAX_BODY} bytes,
 * file names outside {@link ScenarioLibrary#NAME}, numbers out of range are refused with a
 * message, and no response carries a stack trace.
 */
public final class WebServer implements AutoCloseable {

  /** Ensembles that may wait while one runs. */
  public static final int QUEUE = 4;

  /** Largest request body accepted (a scenario is far smaller). */
  public static final long MAX_BODY = 1_000_000;

  /** Most runs one ensemble of the web application may ask for. */
  public static final int MAX_RUNS = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Backend backend;
  private final ScenarioLibrary library;
  private final Path db;
  private final Path evidence;
  private final ReentrantLock dbLock = new ReentrantLock();
  private final ThreadPoolExecutor workers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "detente-web-run");
        t.setDaemon(true);
        return t;
      });
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "detente-web-events");
        t.setDaemon(true);
        return t;
      });
  private final Map<String, Job> jobs = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Job> e) {
      return size() > 50;
    }
  };
  private final AtomicLong nextJob = new AtomicLong(1);
  private volatile String schema;
  private Javalin app;

  /**
   * A server not yet started.
   *
   * @param backend runs the commands
   * @param library the scenarios
   * @param db the results store that keeps every ensemble, or null for none
   */
  public WebServer(Backend backend, ScenarioLibrary library, Path db) {
    this(backend, library, db, null);
  }

  /**
   * A server not yet started.
   *
   * @param backend runs the commands
   * @param library the scenarios
   * @param db the results store that keeps every computation, or null for none
   * @param evidence the folder of the shipped evidence files of {@code hypotheses}, or null
   */
  public WebServer(Backend backend, ScenarioLibrary library, Path db, Path evidence) {
    this.backend = backend;
    this.library = library;
    this.db = db;
    this.evidence = evidence;
  }

  /** Starts listening on {@code host}:{@code port} (0: any free port); returns the port. */
  public int start(String host, int port) {
    app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_BODY;
      // the editor's YAML parser and JSON Schema validator, from their WebJars on the class path
      config.staticFiles.enableWebjars();
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/";
        sf.directory = "/web";
        sf.location = Location.CLASSPATH;
      });
    });
    app.exception(WebError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
    app.exception(io.javalin.http.HttpResponseException.class,
        (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
    app.exception(org.detente.DetenteException.class,
        (e, ctx) -> error(ctx, 400, e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      System.err.println("detente serve: internal error: " + e);
      error(ctx, 500, "internal error; the server's standard error says more");
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(ctx, 404, "no such page: " + ctx.path());
      }
    });
    app.error(413, ctx -> error(ctx, 413, "request too large (the limit is " + MAX_BODY
        + " bytes)"));

    app.get("/api/info", ctx -> {
      ObjectNode o = JSON.createObjectNode();
      o.put("version", backend.version());
      o.put("store", db != null);
      o.put("maxRuns", MAX_RUNS);
      o.put("queue", QUEUE);
      json(ctx, o);
    });
    app.get("/api/scenarios", ctx -> json(ctx, library.list()));
    app.get("/api/scenarios/{name}", ctx -> ctx.contentType("text/plain; charset=utf-8")
        .result(library.read(ctx.pathParam("name"))));
    app.post("/api/validate/{name}", ctx -> json(ctx, library.validate(ctx.pathParam("name"),
        body(ctx))));
    app.put("/api/scenarios/{name}", ctx -> {
      // refused or not, the answer says so ("saved") and lists the problems
      json(ctx, library.save(ctx.pathParam("name"), body(ctx)));
    });
    app.get("/api/schema", ctx -> {
      String sch = schema;
      if (sch == null) {
        Backend.Outcome r = backend.command(List.of("schema"), null);
        if (r.code() != 0) {
          throw new IllegalStateException("schema: " + r.err());
        }
        sch = r.out();
        schema = sch;
      }
      ctx.contentType("application/schema+json; charset=utf-8").result(sch);
    });
    app.get("/api/evidence", ctx -> json(ctx, evidenceFiles()));
    app.get("/api/evidence/{name}", ctx -> ctx.contentType("text/plain; charset=utf-8")
        .result(evidenceFile(ctx.pathParam("name"))));
    app.post("/api/runs", this::startRun);
    app.get("/api/runs/{id}", ctx -> json(ctx, job(ctx).toJson(false)));
    app.get("/api/runs/{id}/report", ctx -> {
      Job j = job(ctx);
      if (j.reportHtml == null) {
        throw new WebError(404, "run " + j.id + " has no report (yet)");
      }
      ctx.contentType("text/html; charset=utf-8").result(j.reportHtml);
    });
    app.sse("/api/runs/{id}/events", client -> {
      Job j = jobs(client.ctx().pathParam("id"));
      client.keepAlive();
      if (j == null) {
        client.sendEvent("failed", "{\"error\":\"no such run\"}");
        client.close();
        return;
      }
      var task = new Object() {
        java.util.concurrent.ScheduledFuture<?> f;
      };
      task.f = ticker.scheduleAtFixedRate(() -> {
        try {
          if (client.terminated()) {
            task.f.cancel(false);
            return;
          }
          String state = j.state;
          client.sendEvent("progress", j.toJson(false).toString());
          if (state.equals("done") || state.equals("failed")) {
            client.sendEvent(state, j.toJson(false).toString());
            task.f.cancel(false);
            client.close();
          }
        } catch (RuntimeException e) {
          task.f.cancel(false);
        }
      }, 0, 250, TimeUnit.MILLISECONDS);
      client.onClose(() -> task.f.cancel(false));
    });
    app.get("/api/results", ctx -> json(ctx, withStore(s -> {
      ArrayNode a = JSON.createArrayNode();
      for (StoredResult r : s.list()) {
        ObjectNode o = a.addObject();
        o.put("id", r.id());
        o.put("command", r.inputs().command());
        o.put("complete", r.complete());
        o.put("created", r.created() == null ? null : r.created().withNano(0).toString());
        o.put("scenario", r.inputs().scenarioId());
        o.put("seed", r.inputs().seed());
        o.put("runs", r.inputs().runs());
        o.put("runRows", r.runRows());
        ArrayNode op = o.putArray("options");
        r.inputs().options().forEach(op::add);
      }
      return a;
    })));
    app.get("/api/results/{id}", ctx -> {
      long id = parseLong(ctx.pathParam("id"), "result id");
      json(ctx, withStore(s -> {
        StoredResult r = s.get(id);
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("command", r.inputs().command());
        o.put("complete", r.complete());
        o.put("scenario", r.inputs().scenarioId());
        o.put("seed", r.inputs().seed());
        o.put("runs", r.inputs().runs());
        o.put("version", r.inputs().version());
        try {
          o.set("summary", r.summary() == null ? null : JSON.readTree(r.summary()));
        } catch (IOException e) {
          o.putNull("summary");
        }
        return o;
      }));
    });
    app.get("/api/world.svg", ctx -> ctx.contentType("image/svg+xml").result(WorldMap.svg()));
    app.get("/api/cities", ctx -> json(ctx, cities(ctx.queryParam("q"))));
    app.get("/api/effects", this::effects);
    app.start(host, port);
    return app.port();
  }

  private interface StoreQuery {
    JsonNode apply(ResultStore s);
  }

  private JsonNode withStore(StoreQuery q) throws InterruptedException {
    if (db == null) {
      throw new WebError(404, "no results store: start the server with --db");
    }
    if (!Files.exists(db)) {
      return JSON.createArrayNode();
    }
    if (!dbLock.tryLock(3, TimeUnit.SECONDS)) {
      throw new WebError(503, "the results store is busy with a run; try again when it ends");
    }
    try (ResultStore s = ResultStore.open(db)) {
      return q.apply(s);
    } finally {
      dbLock.unlock();
    }
  }

  private void startRun(Context ctx) throws IOException {
    JsonNode req;
    try {
      req = JSON.readTree(body(ctx));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      req = null;
    }
    if (req == null || !req.isObject()) {
      throw new WebError(400, "expected a JSON object {kind, scenario, runs, seed, ...}");
    }
    String kind = req.path("kind").asText("run");
    if (!List.of("run", "sensitivity", "hypotheses", "bargain", "explain").contains(kind)) {
      throw new WebError(400, "kind: expected run, sensitivity, hypotheses, bargain or explain,"
          + " got '"
          + shorten(kind) + "'");
    }
    String name = req.path("scenario").asText("");
    String text = library.read(name);
    int runs = whole(req, "runs", kind.equals("hypotheses") ? 500 : 1000, 1,
        kind.equals("hypotheses") ? MAX_RUNS / 10 : MAX_RUNS);
    JsonNode seedNode = req.path("seed");
    if (!seedNode.isMissingNode() && !seedNode.canConvertToLong()) {
      throw new WebError(400, "seed must be a whole number");
    }
    long seed = seedNode.isMissingNode() ? 1 : seedNode.asLong();
    List<String> policies = new ArrayList<>();
    for (JsonNode p : req.path("policies")) {
      String id = p.asText("");
      if (!id.matches("[A-Za-z0-9._-]{1,80}") || policies.contains(id) || policies.size() >= 8) {
        throw new WebError(400, "policies: up to 8 distinct policy ids of the scenario, got '"
            + shorten(id) + "'");
      }
      policies.add(id);
    }
    List<String> options = new ArrayList<>();
    String evidenceName = null;
    String evidenceText = null;
    switch (kind) {
      case "sensitivity" -> {
        String method = req.path("method").asText("morris");
        if (!method.equals("morris") && !method.equals("sobol")) {
          throw new WebError(400, "method: expected morris or sobol, got '" + shorten(method)
              + "'");
        }
        options.addAll(List.of("--method", method, "--samples", String.valueOf(whole(req,
            "samples", method.equals("morris") ? 4 : 16, 2, 256)), "--runs-per-point",
            String.valueOf(whole(req, "runsPerPoint", 50, 1, 2000)), "--output",
            token(req.path("output").asText("nuclear_use"), "output")));
      }
      case "hypotheses" -> {
        String lk = req.path("likelihood").asText("joint");
        if (!lk.equals("joint") && !lk.equals("product")) {
          throw new WebError(400, "likelihood: expected joint or product, got '" + shorten(lk)
              + "'");
        }
        options.addAll(List.of("--likelihood", lk));
        JsonNode given = req.path("evidenceText");
        if (given.isTextual() && !given.asText().isBlank()) {
          evidenceText = given.asText();
          if (evidenceText.getBytes(StandardCharsets.UTF_8).length > ScenarioLibrary.MAX_BYTES) {
            throw new WebError(413, "evidence: larger than " + ScenarioLibrary.MAX_BYTES
                + " bytes");
          }
          evidenceName = "evidence.yaml";
        } else {
          evidenceName = req.path("evidence").asText("");
          evidenceText = evidenceFile(evidenceName);
        }
      }
      case "explain" -> options.addAll(List.of("--run", String.valueOf(whole(req, "run", 0, 0,
          MAX_RUNS - 1))));
      default -> { }
    }
    Job j = new Job(String.valueOf(nextJob.getAndIncrement()), kind, name, text, runs, seed,
        policies, options, evidenceName, evidenceText);
    synchronized (jobs) {
      jobs.put(j.id, j);
    }
    try {
      workers.execute(() -> execute(j));
    } catch (RejectedExecutionException e) {
      synchronized (jobs) {
        jobs.remove(j.id);
      }
      throw new WebError(503, "too many computations waiting (" + QUEUE + " queued and one"
          + " running); try again when one ends");
    }
    ctx.status(202);
    json(ctx, j.toJson(false));
  }

  private static int whole(JsonNode req, String field, int dflt, int lo, int hi) {
    JsonNode n = req.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return dflt;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber() && !n.asText().matches("-?[0-9]+")) {
      throw new WebError(400, field + " must be a whole number between " + lo + " and " + hi
          + ", got '" + shorten(n.asText()) + "'");
    }
    int v = n.asInt();
    if (v < lo || v > hi) {
      throw new WebError(400, field + " must be between " + lo + " and " + hi + ", got " + v);
    }
    return v;
  }

  private static String token(String s, String what) {
    if (!s.matches("[A-Za-z0-9_.>=-]{1,80}")) {
      throw new WebError(400, what + ": expected a name of letters, digits, '_', '-', '.', '>'"
          + " or '=', got '" + shorten(s) + "'");
    }
    return s;
  }

  /** The evidence files shipped next to the scenarios, by plain file name. */
  ArrayNode evidenceFiles() throws IOException {
    ArrayNode a = JSON.createArrayNode();
    if (evidence != null && Files.isDirectory(evidence)) {
      try (var s = Files.list(evidence)) {
        for (Path p : s.sorted().limit(200).toList()) {
          String n = p.getFileName().toString();
          if (ScenarioLibrary.NAME.matcher(n).matches() && Files.isRegularFile(p)) {
            a.add(n);
          }
        }
      }
    }
    return a;
  }

  private String evidenceFile(String name) throws IOException {
    ScenarioLibrary.check(name, "evidence file");
    Path p = evidence == null ? null : evidence.resolve(name);
    if (p == null || !Files.isRegularFile(p)) {
      throw new WebError(404, "no evidence file '" + shorten(name) + "'");
    }
    if (Files.size(p) > ScenarioLibrary.MAX_BYTES) {
      throw new WebError(413, name + ": larger than " + ScenarioLibrary.MAX_BYTES + " bytes");
    }
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private void execute(Job j) {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("detente-web");
      j.hide = tmp + java.io.File.separator;
      Path sc = tmp.resolve(j.scenario);
      Files.writeString(sc, j.text, StandardCharsets.UTF_8);
      j.state = "running";
      List<String> args = new ArrayList<>();
      boolean store = db != null;
      switch (j.kind) {
        case "sensitivity" -> args.addAll(List.of("sensitivity", sc.toString(), "--seed",
            String.valueOf(j.seed)));
        case "hypotheses" -> {
          Path ev = tmp.resolve("evidence").resolve(j.evidenceName);
          Files.createDirectories(ev.getParent());
          Files.writeString(ev, j.evidenceText, StandardCharsets.UTF_8);
          args.addAll(List.of("hypotheses", sc.toString(), "--evidence", ev.toString(),
              "--runs", String.valueOf(j.runs), "--seed", String.valueOf(j.seed)));
        }
        case "bargain" -> {
          args.addAll(List.of("bargain", sc.toString()));
          store = false; // bargain keeps nothing in the store
        }
        case "explain" -> {
          args.addAll(List.of("explain", sc.toString(), "--seed", String.valueOf(j.seed)));
          store = false; // one run, replayed: nothing to keep
        }
        default -> {
          // no policy: an ensemble (run); policies: each in its own arm against the baseline
          args.addAll(List.of(j.policies.isEmpty() ? "run" : "compare", sc.toString(), "--runs",
              String.valueOf(j.runs), "--seed", String.valueOf(j.seed)));
          args.add(j.policies.isEmpty() ? "--no-timing" : "--baseline");
        }
      }
      args.add("--json");
      args.addAll(j.options);
      if (!j.kind.equals("bargain") && !j.kind.equals("sensitivity")) {
        // run, compare, hypotheses and explain apply the scenario's policies in order
        for (String p : j.policies) {
          args.add("--policy");
          args.add(p);
        }
      }
      int phases = j.kind.equals("run") ? 2 : 1;
      Backend.Outcome run;
      if (store) {
        args.add("--db");
        args.add(db.toString());
        dbLock.lock();
        try {
          run = backend.command(args, (d, t) -> j.progress(d, t, 0, phases));
        } finally {
          dbLock.unlock();
        }
      } else {
        run = backend.command(args, (d, t) -> j.progress(d, t, 0, phases));
      }
      if (run.code() != 0) {
        j.fail(run.err());
        return;
      }
      JsonNode result = JSON.readTree(run.out().replace(j.hide, ""));
      j.result = result;
      JsonNode stored = result.path("stored");
      if (stored.has("id")) {
        j.storedId = stored.get("id").asLong();
      }
      if (j.kind.equals("run")) {
        Path out = tmp.resolve("report");
        List<String> reportArgs = new ArrayList<>(List.of("report", sc.toString(), "--runs",
            String.valueOf(j.runs), "--seed", String.valueOf(j.seed), "--tornado-runs", "0",
            "--out", out.toString(), "--quiet"));
        for (String p : j.policies) {
          reportArgs.add("--policy");
          reportArgs.add(p);
        }
        Backend.Outcome rep = backend.command(reportArgs, (d, t) -> j.progress(d, t, 1, 2));
        if (rep.code() == 0) {
          j.reportHtml = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        }
      }
      j.state = "done";
    } catch (IOException | RuntimeException e) {
      j.fail("internal error: " + e);
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
  }

  static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system cleans it up
    }
  }

  private void effects(Context ctx) throws IOException {
    double lat = parseDouble(ctx.queryParam("lat"), "lat", -90, 90);
    double lon = parseDouble(ctx.queryParam("lon"), "lon", -180, 180);
    String yield = shortText(ctx.queryParam("yield"), "yield", "300kt");
    String burst = shortText(ctx.queryParam("burst"), "burst", "air");
    String height = ctx.queryParam("height");
    String wind = shortText(ctx.queryParam("wind"), "wind", "24km/h");
    String windFrom = shortText(ctx.queryParam("windFrom"), "windFrom", "270");
    Path tmp = Files.createTempDirectory("detente-web-effects");
    try {
      Path map = tmp.resolve("map.html");
      List<String> args = new ArrayList<>(List.of("effects", "--lat",
          String.valueOf(lat), "--lon", String.valueOf(lon), "--yield", yield, "--burst", burst,
          "--wind", wind, "--wind-from", windFrom, "--json", "--map", map.toString()));
      if (height != null && !height.isBlank()) {
        args.add("--height");
        args.add(shortText(height, "height", null));
      }
      Backend.Outcome r = backend.command(args, null);
      if (r.code() != 0) {
        throw new WebError(400, r.err().strip().replaceFirst("^detente: ", ""));
      }
      ObjectNode o = JSON.createObjectNode();
      o.set("effects", JSON.readTree(r.out()));
      o.put("mapHtml", Files.readString(map, StandardCharsets.UTF_8));
      json(ctx, o);
    } finally {
      deleteTree(tmp);
    }
  }

  private static JsonNode cities(String q) {
    ArrayNode a = JSON.createArrayNode();
    if (q == null || q.isBlank()) {
      return a;
    }
    String needle = q.strip().toLowerCase(Locale.ROOT);
    if (needle.length() > 60) {
      throw new WebError(400, "search text longer than 60 characters");
    }
    CityIndex idx = CityIndex.world();
    List<City> hits = new ArrayList<>();
    for (int i = 0; i < idx.size(); i++) {
      City c = idx.get(i);
      if (c.name().toLowerCase(Locale.ROOT).startsWith(needle)) {
        hits.add(c);
      }
    }
    hits.sort(Comparator.comparingLong(City::population).reversed());
    for (City c : hits.subList(0, Math.min(10, hits.size()))) {
      ObjectNode o = a.addObject();
      o.put("name", c.name());
      o.put("country", c.country());
      o.put("label", c.label());
      o.put("lat", c.lat());
      o.put("lon", c.lon());
      o.put("population", c.population());
    }
    return a;
  }

  private Job job(Context ctx) {
    Job j = jobs(ctx.pathParam("id"));
    if (j == null) {
      throw new WebError(404, "no run " + ctx.pathParam("id"));
    }
    return j;
  }

  private Job jobs(String id) {
    synchronized (jobs) {
      return jobs.get(id);
    }
  }

  private static String body(Context ctx) {
    byte[] b = ctx.bodyAsBytes();
    if (b.length > MAX_BODY) {
      throw new WebError(413, "request too large (the limit is " + MAX_BODY + " bytes)");
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  private static double parseDouble(String s, String what, double lo, double hi) {
    try {
      double v = Double.parseDouble(s == null ? "" : s.strip());
      if (!(v >= lo && v <= hi)) {
        throw new WebError(400, what + " must be between " + lo + " and " + hi + ", got " + s);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new WebError(400, what + ": expected a number, got '" + shorten(s) + "'");
    }
  }

  private static long parseLong(String s, String what) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new WebError(400, what + ": expected a whole number, got '" + shorten(s) + "'");
    }
  }

  private static String shortText(String s, String what, String dflt) {
    if (s == null || s.isBlank()) {
      if (dflt == null) {
        throw new WebError(400, what + " is missing");
      }
      return dflt;
    }
    if (s.length() > 40 || !s.matches("[A-Za-z0-9 ./+-]+")) {
      throw new WebError(400, what + ": expected a short quantity such as 300kt, got '"
          + shorten(s) + "'");
    }
    return s.strip();
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  static void json(Context ctx, JsonNode node) {
    ctx.contentType("application/json; charset=utf-8").result(node.toString());
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", message);
    ctx.status(status);
    json(ctx, o);
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** Stops the server; running ensembles end with the process. */
  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    workers.shutdownNow();
    ticker.shutdownNow();
  }

  /** One computation asked for by the browser: an ensemble, a comparison or an analysis. */
  static final class Job {
    final String id;
    final String kind;
    final String scenario;
    final String text;
    final int runs;
    final long seed;
    final List<String> policies;
    final List<String> options;
    final String evidenceName;
    final String evidenceText;
    volatile String state = "queued";
    volatile long done;
    volatile long total;
    volatile JsonNode result;
    volatile String reportHtml;
    volatile String error;
    volatile long storedId = -1;
    /** The temporary folder's path, taken out of messages and results. */
    volatile String hide;

    Job(String id, String kind, String scenario, String text, int runs, long seed,
        List<String> policies, List<String> options, String evidenceName,
        String evidenceText) {
      this.id = id;
      this.kind = kind;
      this.policies = List.copyOf(policies);
      this.options = List.copyOf(options);
      this.scenario = scenario;
      this.text = text;
      this.runs = runs;
      this.seed = seed;
      this.evidenceName = evidenceName;
      this.evidenceText = evidenceText;
    }

    /**
     * Progress of phase {@code phase} of {@code phases}: an ensemble's report (phase 1) fills
     * the second half of the bar.
     */
    void progress(long d, long t, int phase, int phases) {
      if (t <= 0) {
        // a count without a known end (the turns of bargain)
        total = 0;
        done = d;
        return;
      }
      long unit = Math.max(1, t);
      total = phases * unit;
      done = phase * unit + Math.min(d, unit);
    }

    void fail(String message) {
      String m = hide == null ? message : message.replace(hide, "");
      error = m.strip().replaceFirst("^detente: ", "");
      state = "failed";
    }

    ObjectNode toJson(boolean withText) {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", id);
      o.put("kind", kind);
      o.put("scenario", scenario);
      o.put("runs", runs);
      o.put("seed", seed);
      ArrayNode pol = o.putArray("policies");
      policies.forEach(pol::add);
      ArrayNode opt = o.putArray("options");
      options.forEach(opt::add);
      if (evidenceName != null) {
        o.put("evidence", evidenceName);
      }
      o.put("state", state);
      o.put("done", done);
      o.put("total", total);
      if (error != null) {
        o.put("error", error);
      }
      if (storedId >= 0) {
        o.put("storedId", storedId);
      }
      if (result != null) {
        o.set("result", result);
      }
      o.put("report", reportHtml != null);
      return o;
    }
  }
}
