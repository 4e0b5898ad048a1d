package org.detente.engine;

/**
 * A birth–death ladder for splitting tests: from rung 1 each step goes up one rung with
 * probability a and down one with 1 − a; rungs 0 and K absorb. The probability of reaching K
 * before 0 is the gambler's-ruin probability (1 − ρ)/(1 − ρᴷ), ρ = (1 − a)/a (Feller 1968,
 * XIV.2).
 */
final class Ladder implements SplittingProcess {

  final int top;
  final double up;
  private final Rng rng = new Rng();
  private int x;
  private int t;
  private double tilted;
  private double logWeight;
  private final int[] sx;
  private final int[] st;
  private final Rng[] srng;

  Ladder(int top, double up, int slots) {
    this.top = top;
    this.up = up;
    sx = new int[slots];
    st = new int[slots];
    srng = new Rng[slots];
    for (int i = 0; i < slots; i++) {
      srng[i] = new Rng();
    }
  }

  /** The closed-form probability of reaching the top from rung 1. */
  double exact() {
    double rho = (1 - up) / up;
    return (1 - rho) / (1 - Math.pow(rho, top));
  }

  @Override
  public void start(long seed) {
    rng.seed(seed);
    x = 1;
    t = 0;
    tilted = 0;
    logWeight = 0;
  }

  @Override
  public void save(int slot) {
    sx[slot] = x;
    st[slot] = t;
    srng[slot].copyFrom(rng);
  }

  @Override
  public void restore(int slot) {
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
      double a = tilted > 0 ? tilted : up;
      boolean goesUp = rng.nextDouble() < a;
      if (tilted > 0) {
        logWeight += goesUp ? Math.log(up / a) : Math.log((1 - up) / (1 - a));
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
}
