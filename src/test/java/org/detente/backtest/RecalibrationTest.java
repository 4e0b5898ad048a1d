package org.detente.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The recalibration recovers a known miscalibration from synthetic forecasts, leaves a calibrated
 * forecast alone and turns a constant forecast into the observed frequencies (the maximum
 * likelihood estimate of a constant forecast).
 */
class RecalibrationTest {

  /** Random forecasts p, and observations drawn from q_k ~ p_k^power exp(shift_k). */
  private static Recalibration fitSynthetic(double power, double[] shift, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 20000;
    List<double[]> ps = new ArrayList<>();
    int[] o = new int[n];
    for (int i = 0; i < n; i++) {
      double[] p = new double[4];
      double s = 0;
      for (int k = 0; k < 4; k++) {
        p[k] = -Math.log(1 - rnd.nextDouble()) + 0.02; // Dirichlet(1,..,1), bounded from 0
        s += p[k];
      }
      double[] q = new double[4];
      double t = 0;
      for (int k = 0; k < 4; k++) {
        p[k] /= s;
        q[k] = Math.pow(p[k], power) * Math.exp(shift[k]);
        t += q[k];
      }
      double u = rnd.nextDouble() * t;
      int k = 0;
      while (k < 3 && u > q[k]) {
        u -= q[k];
        k++;
      }
      ps.add(p);
      o[i] = k;
    }
    return Recalibration.fit(ps, o, 4);
  }

  @Test
  void aCalibratedForecastIsLeftAsItIs() {
    Recalibration r = fitSynthetic(1.0, new double[4], 3);
    assertThat(r.exponent()).isCloseTo(1.0, within(0.05));
    for (double c : r.offsets()) {
      assertThat(c).isCloseTo(0.0, within(0.06));
    }
  }

  @Test
  void anOverconfidentForecastIsFlattenedAndABiasIsUndone() {
    double[] shift = {0, 0.5, -0.5, 0.2};
    Recalibration r = fitSynthetic(0.5, shift, 5);
    assertThat(r.exponent()).isCloseTo(0.5, within(0.05));
    double[] c = r.offsets();
    for (int k = 0; k < 4; k++) {
      assertThat(c[k]).isCloseTo(shift[k], within(0.08));
    }
    double[] p = r.apply(new double[] {0.7, 0.1, 0.1, 0.1});
    assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aConstantForecastBecomesTheObservedFrequencies() {
    double[] p0 = {0.85, 0.05, 0.05, 0.05};
    int[] counts = {30, 40, 20, 10};
    List<double[]> ps = new ArrayList<>();
    List<Integer> os = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < counts[k]; i++) {
        ps.add(p0);
        os.add(k);
      }
    }
    Recalibration r = Recalibration.fit(ps, os.stream().mapToInt(Integer::intValue).toArray(), 4);
    double[] q = r.apply(p0);
    for (int k = 0; k < 4; k++) {
      assertThat(q[k]).isCloseTo(counts[k] / 100.0, within(0.005));
    }
  }

  @Test
  void theIdentityChangesNothing() {
    double[] p = {0.1, 0.2, 0.3, 0.4};
    assertThat(Recalibration.identity(4).apply(p)).containsExactly(new double[] {0.1, 0.2, 0.3,
        0.4}, within(1e-12));
  }
}
