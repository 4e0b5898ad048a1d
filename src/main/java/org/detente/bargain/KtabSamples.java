package org.detente.bargain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * KTAB's SMP sample scenarios bundled under {@code data/ktab/} (see the PROVENANCE.md there).
 */
public final class KtabSamples {

  private KtabSamples() {}

  /** Resource folder of the samples. */
  public static final String ROOT = "data/ktab/";

  /** The samples KTAB runs as shipped (CSV) or after the documented patch (XML), small to large. */
  public static final List<String> RUNNABLE = List.of(
      "dummyData_3Dim.csv",
      "dummyData_3Dim-no-final-comma.csv",
      "patched/smpExample-restored.xml",
      "patched/dummyData_3Dim-with-identity-IdealAdjustment.xml",
      "SOE-Pol-Comp.csv",
      "SOE-Policy.csv",
      "dummyData_6Dim.csv",
      "SOE-Competitive.csv",
      "dummyData-a040.csv",
      "dummyData-a080.csv",
      "dummyData-a160.csv");

  /** Loads a bundled sample by its name relative to {@link #ROOT}. */
  public static SmpScenario load(String name) {
    return load(KtabSamples.class.getClassLoader(), ROOT + name, name);
  }

  /** Loads a CSV or XML scenario from a class-path resource. */
  public static SmpScenario load(ClassLoader cl, String resource, String displayName) {
    try (InputStream in = cl.getResourceAsStream(resource)) {
      if (in == null) {
        throw new InvalidInputException(Message.BROKEN_RESOURCE, displayName, "it is missing");
      }
      if (resource.endsWith(".xml")) {
        return SmpXmlReader.parse(displayName, in);
      }
      return SmpCsvReader.parse(displayName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.BROKEN_RESOURCE, displayName, e.getMessage());
    }
  }
}
