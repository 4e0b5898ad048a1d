package org.detente.backtest;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * The statistical baseline: an ordered logit (for ordered variables) or a multinomial logit
 * (reference category 0) of a categorical outcome on covariates, fitted by maximum likelihood
 * with a small ridge penalty (so that categories or covariates the training set separates keep
 * finite coefficients) using Hipparchus's non-linear conjugate-gradient optimiser (Polak–Ribière)
 * on the penalised log-likelihood with its exact gradient. Covariates are standardised with the
 * training means and deviations. Immutable once fitted.
 */
public final class LogitBaseline {

  /** Ridge penalty on the slopes (not the intercepts or cut points), per observation. */
  static final double RIDGE = 1e-3;

  private final boolean ordered;
  private final int k;
  private final double[] mean;
  private final double[] sd;
  private final double[] theta;

  private LogitBaseline(boolean ordered, int k, double[] mean, double[] sd, double[] theta) {
    this.ordered = ordered;
    this.k = k;
    this.mean = mean;
    this.sd = sd;
    this.theta = theta;
  }

  /**
   * Fits the baseline.
   *
   * @param ordered ordered logit if true, multinomial otherwise
   * @param k       number of categories
   * @param x       covariates per observation (no constant column)
   * @param y       observed category per observation, 0..k-1
   */
  public static LogitBaseline fit(boolean ordered, int k, double[][] x, int[] y) {
    int n = x.length;
    int d = n == 0 ? 0 : x[0].length;
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int j = 0; j < d; j++) {
      double s = 0;
      double ss = 0;
      for (double[] r : x) {
        s += r[j];
        ss += r[j] * r[j];
      }
      mean[j] = n == 0 ? 0 : s / n;
      double v = n == 0 ? 0 : ss / n - mean[j] * mean[j];
      sd[j] = v > 1e-12 ? Math.sqrt(v) : 1;
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = (x[i][j] - mean[j]) / sd[j];
      }
    }
    double[] start = ordered ? orderedStart(k, d, y) : new double[(k - 1) * (d + 1)];
    Objective f = ordered ? new Ordered(k, d, z, y) : new Multinomial(k, d, z, y);
    NonLinearConjugateGradientOptimizer opt = new NonLinearConjugateGradientOptimizer(
        NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
        new SimpleValueChecker(1e-12, 1e-12));
    PointValuePair best = opt.optimize(new MaxEval(200_000), new MaxIter(20_000),
        new ObjectiveFunction(f::value), new ObjectiveFunctionGradient(f::gradient),
        GoalType.MINIMIZE, new InitialGuess(start));
    return new LogitBaseline(ordered, k, mean, sd, best.getPoint());
  }

  /** Predicted category probabilities for covariates x. */
  public double[] predict(double[] x) {
    double[] z = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      z[j] = (x[j] - mean[j]) / sd[j];
    }
    return ordered ? Ordered.probs(k, z.length, theta, z) : Multinomial.probs(k, z.length, theta, z);
  }

  /** The fitted slopes on the original covariate scale (ordered: one per covariate). */
  public double[] slopes() {
    int d = mean.length;
    double[] b = new double[ordered ? d : (k - 1) * d];
    if (ordered) {
      for (int j = 0; j < d; j++) {
        b[j] = theta[(k - 1) + j] / sd[j];
      }
    } else {
      for (int c = 0; c < k - 1; c++) {
        for (int j = 0; j < d; j++) {
          b[c * d + j] = theta[c * (d + 1) + 1 + j] / sd[j];
        }
      }
    }
    return b;
  }

  /** Cut points of an ordered logit on the original covariate scale. */
  public double[] cutPoints() {
    if (!ordered) {
      throw new IllegalStateException("a multinomial logit has no cut points");
    }
    double[] c = Ordered.cuts(k, theta);
    double shift = 0;
    for (int j = 0; j < mean.length; j++) {
      shift += theta[(k - 1) + j] * mean[j] / sd[j];
    }
    for (int i = 0; i < c.length; i++) {
      c[i] += shift;
    }
    return c;
  }

  private static double[] orderedStart(int k, int d, int[] y) {
    double[] t = new double[(k - 1) + d];
    long[] counts = new long[k];
    for (int v : y) {
      counts[v]++;
    }
    double cum = 0;
    double n = y.length + 0.5 * k;
    double prev = 0;
    for (int c = 0; c < k - 1; c++) {
      cum += counts[c] + 0.5;
      double q = cum / n;
      double logit = Math.log(q / (1 - q));
      t[c] = c == 0 ? logit : Math.log(Math.max(logit - prev, 1e-3));
      prev = logit;
    }
    return t;
  }

  /** A penalised negative log-likelihood with its gradient. */
  private interface Objective {
    double value(double[] theta);

    double[] gradient(double[] theta);
  }

  /**
   * Ordered logit: P(y <= c) = sigma(cut_c - z.beta); cut_0 free, cut_c = cut_{c-1} +
   * exp(theta_c) so that cut points stay increasing. theta = [cut_0, log gaps..., beta...].
   */
  private static final class Ordered implements Objective {
    private final int k;
    private final int d;
    private final double[][] z;
    private final int[] y;

    Ordered(int k, int d, double[][] z, int[] y) {
      this.k = k;
      this.d = d;
      this.z = z;
      this.y = y;
    }

    static double[] cuts(int k, double[] t) {
      double[] c = new double[k - 1];
      c[0] = t[0];
      for (int i = 1; i < k - 1; i++) {
        c[i] = c[i - 1] + Math.exp(t[i]);
      }
      return c;
    }

    static double sigma(double v) {
      return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    static double[] probs(int k, int d, double[] t, double[] z) {
      double[] c = cuts(k, t);
      double eta = 0;
      for (int j = 0; j < d; j++) {
        eta += t[(k - 1) + j] * z[j];
      }
      double[] p = new double[k];
      double prev = 0;
      for (int i = 0; i < k - 1; i++) {
        double cum = sigma(c[i] - eta);
        p[i] = Math.max(cum - prev, 1e-300);
        prev = cum;
      }
      p[k - 1] = Math.max(1 - prev, 1e-300);
      return p;
    }

    @Override
    public double value(double[] t) {
      double nll = 0;
      for (int i = 0; i < z.length; i++) {
        nll -= Math.log(probs(k, d, t, z[i])[y[i]]);
      }
      double pen = 0;
      for (int j = 0; j < d; j++) {
        pen += t[(k - 1) + j] * t[(k - 1) + j];
      }
      return nll + 0.5 * RIDGE * z.length * pen;
    }

    @Override
    public double[] gradient(double[] t) {
      double[] g = new double[t.length];
      double[] c = cuts(k, t);
      for (int i = 0; i < z.length; i++) {
        double eta = 0;
        for (int j = 0; j < d; j++) {
          eta += t[(k - 1) + j] * z[i][j];
        }
        int o = y[i];
        // p = F(c_o - eta) - F(c_{o-1} - eta), F' = F(1-F)
        double fu = o < k - 1 ? sigma(c[o] - eta) : 1;
        double fl = o > 0 ? sigma(c[o - 1] - eta) : 0;
        double du = o < k - 1 ? fu * (1 - fu) : 0;
        double dl = o > 0 ? fl * (1 - fl) : 0;
        double p = Math.max(fu - fl, 1e-300);
        // d(-log p)/d c_m and /d eta
        double[] dc = new double[k - 1];
        if (o < k - 1) {
          dc[o] -= du / p;
        }
        if (o > 0) {
          dc[o - 1] += dl / p;
        }
        double deta = (du - dl) / p;
        // chain: c_m = t0 + sum_{i<=m, i>=1} exp(t_i)
        for (int m = 0; m < k - 1; m++) {
          g[0] += dc[m];
          for (int q = 1; q <= m; q++) {
            g[q] += dc[m] * Math.exp(t[q]);
          }
        }
        for (int j = 0; j < d; j++) {
          g[(k - 1) + j] += deta * z[i][j];
        }
      }
      for (int j = 0; j < d; j++) {
        g[(k - 1) + j] += RIDGE * z.length * t[(k - 1) + j];
      }
      return g;
    }
  }

  /** Multinomial logit with category 0 as reference: theta = per category c >= 1, [a_c, b_c]. */
  private static final class Multinomial implements Objective {
    private final int k;
    private final int d;
    private final double[][] z;
    private final int[] y;

    Multinomial(int k, int d, double[][] z, int[] y) {
      this.k = k;
      this.d = d;
      this.z = z;
      this.y = y;
    }

    static double[] probs(int k, int d, double[] t, double[] z) {
      double[] e = new double[k];
      double max = 0;
      for (int c = 1; c < k; c++) {
        double v = t[(c - 1) * (d + 1)];
        for (int j = 0; j < d; j++) {
          v += t[(c - 1) * (d + 1) + 1 + j] * z[j];
        }
        e[c] = v;
        max = Math.max(max, v);
      }
      double s = 0;
      for (int c = 0; c < k; c++) {
        e[c] = Math.exp(e[c] - max);
        s += e[c];
      }
      for (int c = 0; c < k; c++) {
        e[c] = Math.max(e[c] / s, 1e-300);
      }
      return e;
    }

    private double penalty(double[] t) {
      double pen = 0;
      for (int c = 1; c < k; c++) {
        for (int j = 0; j < d; j++) {
          double b = t[(c - 1) * (d + 1) + 1 + j];
          pen += b * b;
        }
        // a light penalty on the intercepts too: a category absent from the training set
        double a = t[(c - 1) * (d + 1)];
        pen += a * a * 1e-3;
      }
      return pen;
    }

    @Override
    public double value(double[] t) {
      double nll = 0;
      for (int i = 0; i < z.length; i++) {
        nll -= Math.log(probs(k, d, t, z[i])[y[i]]);
      }
      return nll + 0.5 * RIDGE * z.length * penalty(t);
    }

    @Override
    public double[] gradient(double[] t) {
      double[] g = new double[t.length];
      for (int i = 0; i < z.length; i++) {
        double[] p = probs(k, d, t, z[i]);
        for (int c = 1; c < k; c++) {
          double r = p[c] - (y[i] == c ? 1 : 0);
          g[(c - 1) * (d + 1)] += r;
          for (int j = 0; j < d; j++) {
            g[(c - 1) * (d + 1) + 1 + j] += r * z[i][j];
          }
        }
      }
      for (int c = 1; c < k; c++) {
        for (int j = 0; j < d; j++) {
          g[(c - 1) * (d + 1) + 1 + j] += RIDGE * z.length * t[(c - 1) * (d + 1) + 1 + j];
        }
        g[(c - 1) * (d + 1)] += RIDGE * z.length * 1e-3 * t[(c - 1) * (d + 1)];
      }
      return g;
    }
  }

}
