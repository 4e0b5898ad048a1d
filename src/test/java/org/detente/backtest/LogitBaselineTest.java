package org.detente.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The baselines recover known coefficients from synthetic data. */
class LogitBaselineTest {

  @Test
  void orderedLogitRecoversSlopesAndCutPoints() {
    double[] beta = {1.5, -1.0};
    double[] cuts = {-1.0, 0.5, 2.0};
    int n = 6000;
    SplittableRandom rnd = new SplittableRandom(7);
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = rnd.nextDouble() * 2 - 1;
      x[i][1] = rnd.nextDouble() < 0.4 ? 1 : 0;
      double eta = beta[0] * x[i][0] + beta[1] * x[i][1];
      // latent logistic: y <= k when eta + e <= cut_k
      double u = rnd.nextDouble();
      double e = Math.log(u / (1 - u));
      int k = 0;
      while (k < 3 && eta + e > cuts[k]) {
        k++;
      }
      y[i] = k;
    }
    LogitBaseline m = LogitBaseline.fit(true, 4, x, y);
    assertThat(m.slopes()[0]).isCloseTo(1.5, within(0.15));
    assertThat(m.slopes()[1]).isCloseTo(-1.0, within(0.15));
    double[] c = m.cutPoints();
    assertThat(c[0]).isCloseTo(-1.0, within(0.15));
    assertThat(c[1]).isCloseTo(0.5, within(0.15));
    assertThat(c[2]).isCloseTo(2.0, within(0.15));
    double[] p = m.predict(new double[] {0, 0});
    assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, within(1e-9));
    // P(y = 0 | eta = 0) = sigma(-1)
    assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(1.0)), within(0.03));
  }

  @Test
  void multinomialLogitRecoversSlopes() {
    // category c (1..3) against 0: a_c + b_c x
    double[] a = {0.2, -0.5, 0.0};
    double[] b = {1.0, -1.0, 2.0};
    int n = 8000;
    SplittableRandom rnd = new SplittableRandom(11);
    double[][] x = new double[n][1];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = rnd.nextDouble() * 2 - 1;
      double[] e = new double[4];
      e[0] = 1;
      double s = 1;
      for (int c = 1; c < 4; c++) {
        e[c] = Math.exp(a[c - 1] + b[c - 1] * x[i][0]);
        s += e[c];
      }
      double u = rnd.nextDouble() * s;
      int k = 0;
      while (k < 3 && u > e[k]) {
        u -= e[k];
        k++;
      }
      y[i] = k;
    }
    LogitBaseline m = LogitBaseline.fit(false, 4, x, y);
    double[] sl = m.slopes();
    assertThat(sl[0]).isCloseTo(1.0, within(0.2));
    assertThat(sl[1]).isCloseTo(-1.0, within(0.2));
    assertThat(sl[2]).isCloseTo(2.0, within(0.2));
  }
}
