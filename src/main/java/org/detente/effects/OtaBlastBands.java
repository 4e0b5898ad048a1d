package org.detente.effects;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Blast casualty fractions by peak-overpressure band from U.S. Congress, Office of Technology
 * Assessment, <i>The Effects of Nuclear War</i> (1979), ch. II, Figure 1 (the bands OTA used for
 * Detroit and Leningrad): &gt; 12 psi 98 % killed / 2 % injured; 5–12 psi 50 / 40; 2–5 psi 5 / 45;
 * 1–2 psi 0 / 25. Loaded from the shipped CSV, highest band first.
 *
 * @param lowerPsi  lower bound of each band, descending
 * @param killed    fraction killed per band
 * @param injured   fraction injured per band
 */
public record OtaBlastBands(double[] lowerPsi, double[] killed, double[] injured) {

  /** Resource holding the bands. */
  public static final String RESOURCE = "/data/ota1979/ota1979_blast_casualty_bands.csv";

  private static final class Holder {
    static final OtaBlastBands DEFAULT = load();
  }

  /** The shipped OTA 1979 bands. */
  public static OtaBlastBands ota1979() {
    return Holder.DEFAULT;
  }

  private static OtaBlastBands load() {
    try (InputStream in = OtaBlastBands.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new InvalidInputException(Message.BROKEN_RESOURCE, RESOURCE, "it is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      List<double[]> rows = new ArrayList<>();
      String line;
      int no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", 7);
        try {
          rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3]),
              Double.parseDouble(f[4])});
        } catch (RuntimeException e) {
          throw new InvalidInputException(Message.BROKEN_RESOURCE, RESOURCE, "line " + no + ": cannot read band: " + line);
        }
      }
      rows.sort((a, b) -> Double.compare(b[0], a[0]));
      int n = rows.size();
      double[] lo = new double[n];
      double[] k = new double[n];
      double[] i = new double[n];
      for (int j = 0; j < n; j++) {
        lo[j] = rows.get(j)[0];
        k[j] = rows.get(j)[1];
        i[j] = rows.get(j)[2];
      }
      return new OtaBlastBands(lo, k, i);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.BROKEN_RESOURCE, RESOURCE, e.getMessage());
    }
  }
}
