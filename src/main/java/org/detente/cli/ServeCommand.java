package org.detente.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.store.ResultStore;
import org.detente.web.Backend;
import org.detente.web.ScenarioLibrary;
import org.detente.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code detente serve}: the local web application (docs/web.md). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web application on this machine: the scenario library and editor with the"
          + " loader's located messages, ensembles and policy comparisons with a live progress"
          + " bar and their charts, sensitivity (a tornado), competing hypotheses (the ACH"
          + " table), the negotiation model's rounds, one run's timeline beside a map of the"
          + " theaters, stored results, and the effects map. Every number comes from the same commands as"
          + " the command line. Works offline; Ctrl-C stops it."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
      description = "Folder of the bundled scenarios (default: ${DEFAULT-VALUE}).")
  Path scenarios;

  @Option(names = "--evidence", paramLabel = "DIR", defaultValue = "evidence",
      description = "Folder of the evidence files the hypotheses page offers (default:"
          + " ${DEFAULT-VALUE}).")
  Path evidence;

  @Mixin StoreOption db;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "--port", 0, 65535, port);
    }
    Path user = ResultStore.defaultFile().getParent().resolve("scenarios");
    Path dbFile = db.on() ? db.file().toAbsolutePath() : null;
    if (dbFile != null) {
      // fails now, with the store's message, if the file cannot be a database
      ResultStore.open(dbFile).close();
    }
    WebServer server = new WebServer(new InProcess(), new ScenarioLibrary(scenarios, user),
        dbFile, evidence);
    int p;
    try {
      p = server.start(host, port);
    } catch (RuntimeException e) {
      server.close();
      throw new InvalidInputException(e, Message.CANNOT_WRITE, host + ":" + port,
          "cannot listen there (" + rootMessage(e) + ")");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Detente " + VersionProvider.version() + " at http://"
        + (host.contains(":") ? "[" + host + "]" : host) + ":" + p + "/  (Ctrl-C stops it)");
    out.println("scenarios: " + scenarios + " (bundled), " + home(user) + " (yours)"
        + (dbFile != null ? "; results stored in " + home(db.file()) : ""));
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }, "detente-serve-stop"));
    stop.await();
    return 0;
  }

  /** A path as the user reads it: under the home folder, written from {@code ~}. */
  static String home(Path p) {
    Path h = Path.of(System.getProperty("user.home")).toAbsolutePath();
    Path a = p.toAbsolutePath();
    return p.isAbsolute() && a.startsWith(h) ? "~/" + h.relativize(a) : p.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** Runs commands in this process, their output captured, their progress observed. */
  static final class InProcess implements Backend {
    @Override
    public Outcome command(List<String> args, BiConsumer<Long, Long> progress) {
      CommandLine cl = Main.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      BiConsumer<Long, Long> before = Progress.OBSERVER.get();
      Progress.OBSERVER.set(progress == null ? (d, t) -> { } : progress);
      try {
        int code = cl.execute(args.toArray(String[]::new));
        return new Outcome(code, out.toString(), err.toString());
      } finally {
        Progress.OBSERVER.set(before);
      }
    }

    @Override
    public String version() {
      return VersionProvider.version();
    }
  }
}
