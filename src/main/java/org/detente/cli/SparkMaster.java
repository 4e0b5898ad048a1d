package org.detente.cli;

import org.detente.Message;
import org.detente.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --master URL}: hand a command's ensembles to Apache Spark. Only the Spark module
 * (spark/) can; detente.jar alone refuses the option with a message that says where it works.
 */
public final class SparkMaster {

  @Option(names = "--master", paramLabel = "URL",
      description = "Hand the ensembles to Apache Spark, with the same results: local[*],"
          + " local[K] or spark://HOST:PORT. Needs the Spark module: ./detente COMMAND ..."
          + " --master URL from the source tree builds and uses it (docs/spark.md).")
  String value;

  /** The master given, or null. */
  public String value() {
    return value;
  }

  /** Refuses {@code --master} where Spark is not available. */
  void check(String command, boolean onSpark) {
    if (value != null && !onSpark) {
      throw new UsageException(Message.OPTION_VALUE, "--master", value,
          "Spark is not in detente.jar: run ./detente " + command + " ... --master " + value
              + " from the source tree (it builds the Spark module, spark/), or submit"
              + " spark/target/detente-spark-submit.jar (docs/spark.md)");
    }
  }
}
