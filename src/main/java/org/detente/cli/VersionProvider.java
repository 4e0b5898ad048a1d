package org.detente.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, or the build's version. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  /** The program version. */
  public static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0";
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "detente " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
