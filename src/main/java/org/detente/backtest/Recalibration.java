package org.detente.backtest;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;

/**
 * Post-processing of an ensemble's category frequencies, fitted on the training crises and
 * applied unchanged to the held-out ones: a multinomial logistic recalibration
 *
 * <pre>
 *   p'_k = exp(a ln p_k + c_k) / sum_j exp(a ln p_j + c_j),   c_0 = 0,
 * </pre>
 *
 * with p the ensemble's (Jeffreys-smoothed) frequencies. The exponent a sharpens (a &gt; 1) or
 * flattens (a &lt; 1) the ensemble, the offsets c_k move probability between categories the
 * ensemble favours too much or too little; a = 1, c = 0 leaves the forecast as it is, and a = 0
 * gives a constant forecast (the training frequencies at the optimum). This is ensemble model
 * output statistics for a categorical variable (Gneiting, Raftery, Westveld &amp; Goldman 2005;
 * the logarithmic opinion pool of the ensemble with a fitted base rate, Wilks 2011 ch. 8), fitted
 * by maximum likelihood with Newton's method (the negative log-likelihood is convex in (a, c):
 * it is a multinomial logit whose covariates are the ensemble's log-frequencies). The raw
 * ensemble's scores are always reported beside the recalibrated ones.
 */
public final class Recalibration {

  /** Ridge on (a - 1) and c per observation: keeps the fit finite when a category is empty. */
  static final double RIDGE = 1e-4;

  private static final int MAX_ITER = 100;

  private final double a;
  private final double[] c;

  private Recalibration(double a, double[] c) {
    this.a = a;
    this.c = c.clone();
  }

  /** The identity: the forecast unchanged. */
  public static Recalibration identity(int k) {
    return new Recalibration(1, new double[k]);
  }

  /** The exponent a. */
  public double exponent() {
    return a;
  }

  /** The offsets c_k (c_0 = 0). */
  public double[] offsets() {
    return c.clone();
  }

  /** The recalibrated forecast. */
  public double[] apply(double[] p) {
    int k = p.length;
    double[] z = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      z[j] = a * Math.log(p[j]) + c[j];
      max = Math.max(max, z[j]);
    }
    double s = 0;
    for (int j = 0; j < k; j++) {
      z[j] = Math.exp(z[j] - max);
      s += z[j];
    }
    for (int j = 0; j < k; j++) {
      z[j] /= s;
    }
    return z;
  }

  /**
   * Fits a and c by maximum likelihood on forecasts and their observed categories.
   *
   * @param forecasts forecast probability vectors (all of length k, no zero entry)
   * @param observed  the observed category of each
   * @param k         number of categories
   */
  public static Recalibration fit(List<double[]> forecasts, int[] observed, int k) {
    int n = forecasts.size();
    if (n == 0) {
      return identity(k);
    }
    int d = k; // theta = (a, c_1, ..., c_{k-1})
    double[] theta = new double[d];
    theta[0] = 1;
    double ridge = RIDGE * n;
    double f = nll(forecasts, observed, k, theta, ridge);
    for (int it = 0; it < MAX_ITER; it++) {
      double[] g = new double[d];
      double[][] h = new double[d][d];
      derivatives(forecasts, observed, k, theta, ridge, g, h);
      double[] step = solve(h, g);
      if (step == null) {
        break;
      }
      double t = 1;
      double[] next = new double[d];
      double fn = Double.POSITIVE_INFINITY;
      for (int ls = 0; ls < 40; ls++) {
        for (int j = 0; j < d; j++) {
          next[j] = theta[j] - t * step[j];
        }
        fn = nll(forecasts, observed, k, next, ridge);
        if (fn <= f) {
          break;
        }
        t /= 2;
      }
      if (!(fn <= f)) {
        break;
      }
      double moved = 0;
      for (int j = 0; j < d; j++) {
        moved = Math.max(moved, Math.abs(next[j] - theta[j]));
      }
      theta = next.clone();
      boolean done = f - fn < 1e-12 * Math.max(1, Math.abs(f)) && moved < 1e-9;
      f = fn;
      if (done) {
        break;
      }
    }
    double[] c = new double[k];
    System.arraycopy(theta, 1, c, 1, k - 1);
    return new Recalibration(theta[0], c);
  }

  private static double[] logits(double[] p, double[] theta) {
    int k = p.length;
    double[] z = new double[k];
    for (int j = 0; j < k; j++) {
      z[j] = theta[0] * Math.log(p[j]) + (j == 0 ? 0 : theta[j]);
    }
    return z;
  }

  private static double nll(List<double[]> ps, int[] o, int k, double[] theta, double ridge) {
    double s = 0;
    for (int i = 0; i < ps.size(); i++) {
      double[] z = logits(ps.get(i), theta);
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v - max);
      }
      s += max + Math.log(sum) - z[o[i]];
    }
    s += 0.5 * ridge * (theta[0] - 1) * (theta[0] - 1);
    for (int j = 1; j < theta.length; j++) {
      s += 0.5 * ridge * theta[j] * theta[j];
    }
    return s;
  }

  private static void derivatives(List<double[]> ps, int[] o, int k, double[] theta,
      double ridge, double[] g, double[][] h) {
    int d = theta.length;
    double[] phi = new double[d];
    double[] mean = new double[d];
    for (int i = 0; i < ps.size(); i++) {
      double[] p = ps.get(i);
      double[] q = new Recalibration(theta[0], cOf(theta, k)).apply(p);
      Arrays.fill(mean, 0);
      double[][] second = new double[d][d];
      for (int j = 0; j < k; j++) {
        features(p, j, phi);
        for (int u = 0; u < d; u++) {
          mean[u] += q[j] * phi[u];
          for (int v = 0; v < d; v++) {
            second[u][v] += q[j] * phi[u] * phi[v];
          }
        }
      }
      features(p, o[i], phi);
      for (int u = 0; u < d; u++) {
        g[u] += mean[u] - phi[u];
        for (int v = 0; v < d; v++) {
          h[u][v] += second[u][v] - mean[u] * mean[v];
        }
      }
    }
    g[0] += ridge * (theta[0] - 1);
    h[0][0] += ridge;
    for (int j = 1; j < d; j++) {
      g[j] += ridge * theta[j];
      h[j][j] += ridge;
    }
  }

  private static double[] cOf(double[] theta, int k) {
    double[] c = new double[k];
    System.arraycopy(theta, 1, c, 1, k - 1);
    return c;
  }

  /** Features of category j: (ln p_j, [j = 1], ..., [j = k-1]). */
  private static void features(double[] p, int j, double[] phi) {
    Arrays.fill(phi, 0);
    phi[0] = Math.log(p[j]);
    if (j > 0) {
      phi[j] = 1;
    }
  }

  /** Solves h x = g (Hipparchus LU decomposition); null if h is singular. */
  static double[] solve(double[][] h, double[] g) {
    DecompositionSolver lu = new LUDecomposition(MatrixUtils.createRealMatrix(h)).getSolver();
    if (!lu.isNonSingular()) {
      return null;
    }
    return lu.solve(new ArrayRealVector(g, false)).toArray();
  }
}
