package org.detente.engine;

/**
 * A birth–death ladder for splitting tests: from rung 1 each step goes up one rung with
 * probability a and down one with 1 − a; rungs 0 and K absorb. The probability of reaching K
 * before 0 is the gambler's-ruin probability (1 − ρ)/(1 − ρᴷ), ρ = (1 − a)/a (Feller 1968,
 * XIV.2). A ladder with hidden types draws a at the start from values a_k with probabilities
 * π_k (one draw of the run's stream, as the engine draws the actors' types at week 0), which
 * the importance function (the rung) does not see; the probability of reaching K is then
 * Σ π_k (1 − ρ_k)/(1 − ρ_kᴷ).
 */
final class Ladder implements SplittingProcess {

  final int top;
  final double up;
  private final double[] ups;
  private final double[] priors;
  private final int[] stype;
  private int type;
  private final Rng rng = new Rng();
  private int x;
  private int t;
  private double tilted;
  private double logWeight;
  private final int[] sx;
  private final int[] st;
  private final Rng[] srng;

  Ladder(int top, double up, int slots) {
    this(top, new double[] {up}, new double[] {1}, slots);
  }

  /** A ladder with hidden types: up-probability ups[k] with probability priors[k]. */
  Ladder(int top, double[] ups, double[] priors, int slots) {
    this.top = top;
    this.up = ups[0];
    this.ups = ups.clone();
    this.priors = priors.clone();
    stype = new int[slots];
    sx = new int[slots];
    st = new int[slots];
    srng = new Rng[slots];
    for (int i = 0; i < slots; i++) {
      srng[i] = new Rng();
    }
  }

  /** The closed-form probability of reaching the top from rung 1. */
  double exact() {
    double p = 0;
    for (int k = 0; k < ups.length; k++) {
      p += priors[k] * exact(top, ups[k]);
    }
    return p;
  }

  /** The gambler's-ruin probability of reaching k from 1 with up-probability a. */
  static double exact(int k, double a) {
    if (a == 0.5) {
      return 1.0 / k;
    }
    double rho = (1 - a) / a;
    return (1 - rho) / (1 - Math.pow(rho, k));
  }

  @Override
  public void start(long seed) {
    rng.seed(seed);
    type = ups.length == 1 ? 0 : rng.pick(priors, 0, priors.length);
    x = 1;
    t = 0;
    tilted = 0;
    logWeight = 0;
  }

  @Override
  public void save(int slot) {
    stype[slot] = type;
    sx[slot] = x;
    st[slot] = t;
    srng[slot].copyFrom(rng);
  }

  @Override
  public void restore(int slot) {
    type = stype[slot];
    x = sx[slot];
    t = st[slot];
    rng.copyFrom(srng[slot]);
  }

  @Override
  public void reseed(long seed) {
    rng.seed(seed);
  }

  @Override
  public void advance() {
    if (!done()) {
      double u = ups[type];
      double a = tilted > 0 ? tilted : u;
      boolean goesUp = rng.nextDouble() < a;
      if (tilted > 0) {
        logWeight += goesUp ? Math.log(u / a) : Math.log((1 - u) / (1 - a));
      }
      x += goesUp ? 1 : -1;
      t++;
    }
  }

  /** Tilted: each step goes up with probability target instead of a. */
  @Override
  public void tilt(double target) {
    tilted = target;
    logWeight = 0;
  }

  @Override
  public double weight() {
    return Math.exp(logWeight);
  }

  @Override
  public boolean done() {
    return x == 0 || x == top;
  }

  @Override
  public int importance() {
    return x;
  }

  @Override
  public boolean event() {
    return x == top;
  }

  @Override
  public int step() {
    return t;
  }

  @Override
  public int eventImportance() {
    return top;
  }

  @Override
  public String describePath() {
    return "top";
  }

  @Override
  public int typeGroups() {
    return 1;
  }

  @Override
  public int typeCount(int g) {
    return ups.length;
  }

  @Override
  public double typePrior(int g, int k) {
    return priors[k];
  }

  @Override
  public int type(int g) {
    return type;
  }

  @Override
  public void setType(int g, int k) {
    type = k;
  }
}
