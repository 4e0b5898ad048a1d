package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import org.detente.engine.RunSink;

/**
 * Competing motive hypotheses weighed against evidence, in the spirit of Heuer's (1999) Analysis
 * of Competing Hypotheses, with likelihoods estimated by simulation.
 *
 * <p>For actor X with hypotheses h = 1..H (priors π_h), the model is run N times with X's motive
 * fixed to h (other actors' motives drawn from their priors as usual, the same master seed for
 * every h: common random numbers). With k_h runs consistent with every evidence item, the
 * likelihood is estimated with Jeffreys smoothing, L_h = (k_h + ½) / (N + 1), which keeps a
 * hypothesis that never reproduced the evidence in N runs from being ruled out with certainty.
 * Its Monte Carlo standard error is se_h = √(L_h(1 − L_h)/N). The posterior is
 * P(h | E) = π_h L_h / Σ_j π_j L_j, with a delta-method standard error from the se_h.
 *
 * <p>With {@link Combination#PRODUCT} the likelihood is instead the product over items of the
 * per-item smoothed frequencies, Π_e (k_{h,e} + ½)/(N + 1): it treats the items as conditionally
 * independent given the hypothesis (a naive-Bayes approximation that ignores how items go
 * together in a run) but needs far fewer runs when the joint event is rare. Its standard error
 * follows from the delta method on the log: se = L·√Σ_e (se_e / L_e)².
 *
 * <p>The ACH table gives, per item e and hypothesis h, the conditional frequency f_{h,e} of runs
 * consistent with e. It is labelled <em>consistent</em> when f_{h,e} exceeds the mean over the
 * other hypotheses by more than max(0.05, 2·se of the difference), <em>inconsistent</em> when it
 * falls short by that much, <em>neutral</em> otherwise (the item does not discriminate).
 *
 * <p>Whether a hypothesis reproduces the <em>whole</em> record is the share k_h/N itself, with
 * its Monte Carlo standard error √(p(1 − p)/N) and a Wilson (1927) 95% interval, which stays
 * inside [0, 1] and is not degenerate at k = 0. Which item binds is counted too: per item, the
 * runs that reproduce every other item but not this one.
 */
public final class HypothesisAnalysis {

  /** Threshold on the frequency difference below which an item is called neutral. */
  public static final double MIN_DIAGNOSTIC_GAP = 0.05;

  /**
   * The hypotheses of one actor.
   *
   * @param actor      actor id
   * @param actorIndex actor index in the scenario
   * @param ids        hypothesis (motive) ids
   * @param priors     their priors
   */
  public record ActorHypotheses(String actor, int actorIndex, List<String> ids, double[] priors) {
    public ActorHypotheses {
      ids = List.copyOf(ids);
      priors = priors.clone();
    }
  }

  /** How per-run consistency with several items becomes one likelihood. */
  public enum Combination {
    /** Share of runs consistent with every item at once (no independence assumption). */
    JOINT,
    /** Product of per-item shares (items independent given the hypothesis). */
    PRODUCT
  }

  /** Runs the ensemble with actor {@code actor}'s motive fixed to {@code motive}. */
  @FunctionalInterface
  public interface Runner {
    void run(int actor, int motive, RunSink sink);
  }

  /**
   * Result for one hypothesis.
   *
   * @param id          hypothesis id
   * @param prior       prior
   * @param consistent  runs consistent with all evidence
   * @param runs        runs
   * @param likelihood  smoothed likelihood L_h
   * @param se          Monte Carlo standard error of L_h
   * @param posterior   posterior probability
   * @param posteriorSe delta-method standard error of the posterior
   * @param itemFreq    per evidence item: fraction of runs consistent with it
   * @param itemLabel   per evidence item: consistent / inconsistent / neutral
   * @param onlyMissed  per evidence item: runs consistent with every other item but not this
   *                    one (the runs this item alone keeps from reproducing the whole record)
   */
  public record HypothesisResult(
      String id, double prior, long consistent, long runs, double likelihood, double se,
      double posterior, double posteriorSe, double[] itemFreq, List<String> itemLabel,
      long[] onlyMissed) {

    /** Share of runs reproducing the whole record, k/N. */
    public double wholeShare() {
      return runs == 0 ? Double.NaN : consistent / (double) runs;
    }

    /** Monte Carlo standard error of {@link #wholeShare()}, √(p(1 − p)/N). */
    public double wholeSe() {
      double p = wholeShare();
      return Math.sqrt(p * (1 - p) / runs);
    }

    /** Wilson 95% interval of {@link #wholeShare()}: {lower, upper}. */
    public double[] wholeInterval() {
      return Distributions.wilson(consistent, runs, 1.959963984540054);
    }
  }

  /**
   * Result for one actor.
   *
   * @param actor      actor id
   * @param hypotheses one per hypothesis
   */
  public record ActorResult(String actor, List<HypothesisResult> hypotheses) {}

  private HypothesisAnalysis() {}

  /** Jeffreys-smoothed likelihood (k + ½) / (n + 1). */
  public static double smoothedLikelihood(long k, long n) {
    return (k + 0.5) / (n + 1.0);
  }

  /**
   * Posterior from priors and likelihoods (Bayes' rule); uniform over hypotheses with positive
   * prior if every product is zero.
   */
  public static double[] posterior(double[] priors, double[] likelihoods) {
    double[] w = new double[priors.length];
    double s = 0;
    for (int h = 0; h < w.length; h++) {
      w[h] = priors[h] * likelihoods[h];
      s += w[h];
    }
    for (int h = 0; h < w.length; h++) {
      w[h] = s > 0 ? w[h] / s : Double.NaN;
    }
    return w;
  }

  /** Analyses every actor listed, running {@code runs} runs per hypothesis. */
  public static List<ActorResult> analyse(
      List<ActorHypotheses> actors, EvidenceMatcher matcher, int runs, Runner runner) {
    return analyse(actors, matcher, runs, runner, Combination.JOINT);
  }

  /** Analyses every actor listed with the given way of combining items. */
  public static List<ActorResult> analyse(List<ActorHypotheses> actors, EvidenceMatcher matcher,
      int runs, Runner runner, Combination combination) {
    int items = matcher.items().size();
    List<ActorResult> out = new ArrayList<>();
    for (ActorHypotheses ah : actors) {
      int hs = ah.ids().size();
      long[] all = new long[hs];
      long[][] perItem = new long[hs][items];
      long[][] onlyMissed = new long[hs][items];
      long[] n = new long[hs];
      for (int h = 0; h < hs; h++) {
        final int hh = h;
        boolean[] cons = new boolean[items];
        runner.run(ah.actorIndex(), h, run -> {
          if (matcher.test(run, cons)) {
            all[hh]++;
          }
          int missed = -1;
          int misses = 0;
          for (int i = 0; i < items; i++) {
            if (cons[i]) {
              perItem[hh][i]++;
            } else {
              missed = i;
              misses++;
            }
          }
          if (misses == 1) {
            onlyMissed[hh][missed]++;
          }
          n[hh]++;
        });
        if (n[h] != runs) {
          throw new IllegalStateException("expected " + runs + " runs, got " + n[h]);
        }
      }
      double[] like = new double[hs];
      double[] se = new double[hs];
      for (int h = 0; h < hs; h++) {
        if (combination == Combination.JOINT) {
          like[h] = smoothedLikelihood(all[h], runs);
          se[h] = Math.sqrt(like[h] * (1 - like[h]) / runs);
        } else {
          double logL = 0;
          double relVar = 0;
          for (int i = 0; i < items; i++) {
            double li = smoothedLikelihood(perItem[h][i], runs);
            logL += Math.log(li);
            relVar += (1 - li) / (li * runs);
          }
          like[h] = Math.exp(logL);
          se[h] = like[h] * Math.sqrt(relVar);
        }
      }
      double[] post = posterior(ah.priors(), like);
      double s = 0;
      for (int h = 0; h < hs; h++) {
        s += ah.priors()[h] * like[h];
      }
      List<HypothesisResult> res = new ArrayList<>();
      for (int h = 0; h < hs; h++) {
        double var = 0;
        for (int j = 0; j < hs; j++) {
          double d = j == h
              ? ah.priors()[h] * (s - ah.priors()[h] * like[h]) / (s * s)
              : -ah.priors()[h] * like[h] * ah.priors()[j] / (s * s);
          var += d * d * se[j] * se[j];
        }
        double[] freq = new double[items];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items; i++) {
          freq[i] = perItem[h][i] / (double) runs;
        }
        for (int i = 0; i < items; i++) {
          labels.add(label(perItem, h, i, runs));
        }
        res.add(new HypothesisResult(ah.ids().get(h), ah.priors()[h], all[h], runs, like[h],
            se[h], post[h], Math.sqrt(var), freq, List.copyOf(labels), onlyMissed[h].clone()));
      }
      out.add(new ActorResult(ah.actor(), List.copyOf(res)));
    }
    return List.copyOf(out);
  }

  /** ACH label of item i for hypothesis h relative to the mean of the others. */
  static String label(long[][] perItem, int h, int i, long runs) {
    int hs = perItem.length;
    if (hs < 2) {
      return "neutral";
    }
    double f = perItem[h][i] / (double) runs;
    double others = 0;
    for (int j = 0; j < hs; j++) {
      if (j != h) {
        others += perItem[j][i] / (double) runs;
      }
    }
    others /= hs - 1;
    double seDiff = Math.sqrt(f * (1 - f) / runs + others * (1 - others) / (runs * (hs - 1.0)));
    double gap = Math.max(MIN_DIAGNOSTIC_GAP, 2 * seDiff);
    if (f - others > gap) {
      return "consistent";
    }
    if (others - f > gap) {
      return "inconsistent";
    }
    return "neutral";
  }
}
