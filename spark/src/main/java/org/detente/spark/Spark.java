package org.detente.spark;

import org.apache.spark.sql.SparkSession;

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
}
