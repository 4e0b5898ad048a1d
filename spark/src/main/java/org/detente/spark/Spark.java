package org.detente.spark;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import org.detente.DetenteException;
import picocli.CommandLine;

/** The Spark session of a sweep: embedded in local mode, or a client of a cluster's master. */
final class Spark {

  private Spark() {}

  /**
   * A session on {@code master}. Spark's web UI is off (a sweep is a batch job); on a cluster the
   * driver listens on this machine's loopback address unless {@code spark.driver.host} says
   * otherwise, and ships this module's jar to the executors when they lack it.
   */
  static SparkSession session(String master) {
    SparkSession.Builder b = SparkSession.builder()
        .appName("detente sweep")
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        // a task failing on one executor is retried (the default is 4 attempts)
        .config("spark.task.maxFailures", "4");
    if (master.startsWith("spark://")) {
      b.config("spark.driver.host", System.getProperty("spark.driver.host", "127.0.0.1"));
      String jar = Spark.class.getProtectionDomain().getCodeSource().getLocation().getPath();
      if (jar.endsWith(".jar")) {
        b.config("spark.jars", jar);
      }
    }
    return b.getOrCreate();
  }

  /**
   * Runs a command of this module and returns its exit code: 0, 1 for invalid input, 2 for a
   * usage error, 3 for a failure of the job; a Detente error thrown inside a Spark task (which
   * Spark wraps) is reported with its own message, without a stack trace.
   */
  static int execute(Object command, String what, String... args) {
    return commandLine(command, what).execute(args);
  }

  /** The command line of a command of this module, with the error handling of {@link #execute}. */
  static CommandLine commandLine(Object command, String what) {
    CommandLine cl = new CommandLine(command);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      Throwable t = ex;
      while (!(t instanceof DetenteException) && t.getCause() != null && t.getCause() != t) {
        t = t.getCause(); // a task's error comes wrapped by Spark
      }
      if (t instanceof DetenteException de) {
        err.println("detente: " + de.getMessage());
        err.flush();
        return de instanceof org.detente.UsageException ? 2 : 1;
      }
      err.println("detente: " + what + " failed: " + ex);
      err.flush();
      return 3;
    });
    return cl;
  }

  /** The master of {@code --master}, or spark-submit's, or local[*]. */
  static String master(String given) {
    return given != null ? given : System.getProperty("spark.master", "local[*]");
  }
}
