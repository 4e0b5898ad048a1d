package org.detente.engine;

/**
 * Decision step, part 5: the likelihood of the action an observer perceived under each type of
 * the decider it still deems possible, for its Bayesian update ({@link Beliefs#observe}).
 * Reads the rows and tables of the {@link UtilityModel} for the same decision.
 */
final class Likelihoods {

  private static final int MAXC = UtilityModel.MAXC;

  private final RunState state;
  private final UtilityModel u;
  private final double lambda;
  private final int nA;
  private final int maxTypes;
  // the type space, and the state's beliefs read in the innermost loops (held here so that each
  // read is one load from this object; the array is the state's own, allocated once)
  private final TypeSpace types;
  private final double[] belief;
  // the utility model's rows and tables for the same decision
  private final double[] util;
  private final double[] prob;
  private final double[] uSlope;
  private final double[] uIcpt;
  private final double[] cR;
  private final double[] cGL;
  private final double[] ratio = new double[MAXC];
  // whether a motive's resolve levels share one row of exponentials (likelihoodChain); off only
  // in tests, which compare it with the direct computation
  private boolean chainLikelihoods = true;

  Likelihoods(CompiledModel m, RunState state, UtilityModel u) {
    this.state = state;
    this.u = u;
    this.lambda = m.constants.lambda();
    this.nA = m.nA;
    this.maxTypes = m.types.maxTypes();
    this.types = m.types;
    this.belief = state.belief;
    this.util = u.util;
    this.prob = u.prob;
    this.uSlope = u.uSlope;
    this.uIcpt = u.uIcpt;
    this.cR = u.cR;
    this.cGL = u.cGL;
  }

  /** For tests: computes every likelihood row directly instead of chaining resolve levels. */
  void chain(boolean on) {
    chainLikelihoods = on;
  }

  /**
   * Likelihood of the perceived action under each type of a that b still deems possible (b's
   * belief about a is exactly zero elsewhere, so the likelihood there cannot matter), written to
   * the pending decision pi. Requires the true type's weights in the utility model's
   * prob[tk*MAXC..].
   */
  void likelihoods(int a, int b, PendingDecisions pending, int pi, int n, int tk,
      int perceived, double eps) {
    final double[] pendLik = pending.lik;
    final double[] prob = this.prob;
    final double[] belief = this.belief;
    final int row = tk * MAXC;
    final int lo = pi * maxTypes;
    final int ob = (b * nA + a) * maxTypes;
    final double floor = eps / n;
    final TypeSpace types = this.types;
    final int nMa = types.nMot(a);
    final int nRa = types.nRes(a);
    final double step = types.resStep(a);
    for (int mo = 0; mo < nMa; mo++) {
      // the levels of this motive whose likelihood has to be computed afresh
      int need = 0;
      int jlo = -1;
      int jhi = -1;
      for (int j = 0; j < nRa; j++) {
        int k = j * nMa + mo;
        if (belief[ob + k] == 0) {
          pendLik[lo + k] = 0;
        } else if (k == tk) {
          // the true type's terms are exactly the weights already in prob[row..]
          double s = 0;
          for (int c = 0; c < n; c++) {
            s += prob[row + c];
          }
          pendLik[lo + k] = (1 - eps) * (prob[row + perceived] / s) + floor;
        } else {
          need++;
          if (jlo < 0) {
            jlo = j;
          }
          jhi = j;
        }
      }
      if (need >= 2 && step > 0 && chainLikelihoods) {
        likelihoodChain(a, mo, jlo, jhi, tk, n, perceived, eps, floor, ob, pendLik, lo);
      } else if (need > 0) {
        for (int j = jlo; j <= jhi; j++) {
          int k = j * nMa + mo;
          if (k != tk && belief[ob + k] != 0) {
            pendLik[lo + k] =
                (1 - eps) * likelihoodDirect(mo, types.resLevel(a, j), k, n, perceived) + floor;
          }
        }
      }
    }
  }

  /**
   * Quantal-response probability of action {@code perceived} for a type of motive mo and resolve
   * res, from its own row of utilities (written to row k of util and prob). Terms below 4e-18
   * of the largest cannot change the sum and are left out.
   */
  private double likelihoodDirect(int mo, double res, int k, int n, int perceived) {
    final int rk = k * MAXC;
    final double lam = lambda;
    double mk = u.utilities(mo, res, n, rk);
    state.workRows++;
    state.workTerms += n;
    final double[] uu = util;
    final double[] pr = prob;
    double s = 0;
    for (int c = 0; c < n; c++) {
      double d = lam * (uu[rk + c] - mk);
      double e = d < -40 ? 0 : FastMath.expInRange(d);
      pr[rk + c] = e;
      s += e;
    }
    return pr[rk + perceived] / s;
  }

  /**
   * Likelihoods of the perceived action for a's types of motive mo at resolve levels jlo..jhi
   * (equally spaced by resStep), written to pendLik for each live type other than the true
   * one. For an action whose utility is affine in resolve, u(r + Δ) = u(r) + Δ·slope, so its
   * quantal-response weight at the next level is the weight at this one times
   * exp(λ·Δ·slope): one row of exponentials and one of ratios serve every level, and the
   * normalisation of each level's row cancels the common shift. The two piecewise features'
   * actions are evaluated at each level. A level whose weights leave the range of doubles is
   * recomputed directly.
   */
  private void likelihoodChain(int a, int mo, int jlo, int jhi, int tk, int n, int perceived,
      double eps, double floor, int ob, double[] pendLik, int lo) {
    final TypeSpace types = this.types;
    final int nMa = types.nMot(a);
    final double lam = lambda;
    final double step = types.resStep(a);
    final double r0 = types.resLevel(a, jlo);
    final int rk = maxTypes * MAXC; // first scratch row: the weights of the current level
    final double m0 = u.utilities(mo, r0, n, rk);
    final double[] uu = util;
    final double[] w = prob;
    final double[] uSlope = this.uSlope;
    final double[] uIcpt = this.uIcpt;
    final double[] cR = this.cR;
    final double[] cGL = this.cGL;
    final double[] belief = this.belief;
    final double[] q = ratio;
    int rows = 0; // rows served by the chain, counted into the state's work at the end
    final int so = mo * MAXC;
    final double rs = u.rSlope[mo];
    final double ri = u.rIcpt[mo];
    final double gs = u.glSlope[mo];
    final double gi = u.glIcpt[mo];
    for (int c = 0; c < n; c++) {
      w[rk + c] = FastMath.exp(lam * (uu[rk + c] - m0));
      q[c] = cR[c] != 0 || cGL[c] != 0 ? Double.NaN : FastMath.exp(lam * step * uSlope[so + c]);
    }
    for (int j = jlo; j <= jhi; j++) {
      double s = 0;
      if (j == jlo) {
        for (int c = 0; c < n; c++) {
          s += w[rk + c];
        }
      } else {
        double res = r0 + (j - jlo) * step;
        double dr = Math.max(0, res * rs + ri);
        double dg = Math.max(0, res * gs + gi);
        for (int c = 0; c < n; c++) {
          double qc = q[c];
          double v;
          if (qc == qc) {
            v = w[rk + c] * qc;
          } else {
            double uc = res * uSlope[so + c] + uIcpt[so + c] + cR[c] * dr + cGL[c] * dg;
            v = FastMath.exp(lam * (uc - m0));
          }
          w[rk + c] = v;
          s += v;
        }
      }
      int k = j * nMa + mo;
      if (k == tk || belief[ob + k] == 0) {
        continue;
      }
      double ep = w[rk + perceived];
      double lik;
      if (s >= 1e-280 && s < Double.POSITIVE_INFINITY) {
        lik = ep / s;
        rows++;
      } else {
        // outside the range of doubles: this level's own row, shifted by its own maximum
        lik = likelihoodDirect(mo, types.resLevel(a, j), maxTypes + 1, n, perceived);
      }
      pendLik[lo + k] = (1 - eps) * lik + floor;
    }
    state.workRows += rows;
    state.workTerms += rows * n;
  }
}
