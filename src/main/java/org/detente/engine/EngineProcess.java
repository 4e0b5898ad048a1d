package org.detente.engine;

import org.detente.model.Action;
import org.detente.scenario.DoctrineKind;

/**
 * The simulator as a {@link SplittingProcess}: a step is a week, a snapshot a {@link RunState},
 * and the importance function is built from the escalation state (docs/analysis.md, "Rare
 * events"):
 *
 * <pre>
 *   I = 100000 + 1000·(r − 6)                      after nuclear use (r: highest rung, 6..9)
 *   I = 16·(1000·min(r, 5) + 100·w + 10·b + s) + z  otherwise
 * </pre>
 *
 * where z ∈ 0..15 is the decade of the largest probability that a decision of the last week
 * chose a nuclear action (16 + ⌊log₁₀ q⌋, 0 when q = 0), w the number of nuclear-armed actors
 * at war (at most 9), and b and s the buckets of the largest progress, over the nuclear-armed
 * actors with a first-use doctrine that are at war, toward the threshold of the doctrine's
 * first-use rule (b) and of the strategic rule on home theaters (s): d = min(1, (theaters lost +
 * ½·theaters contested) / base / threshold), the base and the loss as in the rule, bucket ⌊8·d⌋,
 * and 9 once the rule holds (nuclear use unlocked).
 */
final class EngineProcess implements SplittingProcess {

  /** Importance of any nuclear use. */
  static final int NUCLEAR = 100_000;
  /** Doctrine progress that means the doctrine's rule holds (more than any partial progress). */
  static final double UNLOCKED = 2;

  private final CompiledModel m;
  private final Simulator sim;
  private final RunState st;
  private final RareTarget target;
  private final RunState[] pool;

  EngineProcess(CompiledModel model, RareTarget target, int slots) {
    this.m = model;
    this.sim = new Simulator(model);
    this.st = sim.state();
    this.target = target;
    this.pool = new RunState[slots];
  }

  Simulator simulator() {
    return sim;
  }

  @Override
  public void start(long seed) {
    sim.start(seed, 0);
    if (sim.done()) {
      sim.finish();
    }
  }

  @Override
  public void save(int slot) {
    if (pool[slot] == null) {
      pool[slot] = st.copy(m);
    } else {
      pool[slot].copyFrom(st);
    }
  }

  @Override
  public void restore(int slot) {
    st.copyFrom(pool[slot]);
  }

  @Override
  public void reseed(long seed) {
    st.rng.seed(seed);
  }

  @Override
  public void advance() {
    if (!sim.done()) {
      sim.advance();
      if (sim.done()) {
        sim.finish();
      }
    }
  }

  @Override
  public void tilt(double target) {
    st.tiltTarget = target;
    st.logWeight = 0;
  }

  @Override
  public double weight() {
    return Math.exp(st.logWeight);
  }

  @Override
  public boolean done() {
    return sim.done();
  }

  @Override
  public int step() {
    return st.week;
  }

  @Override
  public boolean event() {
    return target.happened(st, sim.done());
  }

  @Override
  public int eventImportance() {
    switch (target.kind()) {
      case NUCLEAR_USE:
        return NUCLEAR;
      case STRATEGIC_NUCLEAR:
        return NUCLEAR + 2000;
      default:
        return Integer.MAX_VALUE;
    }
  }

  @Override
  public int importance() {
    return importance(m, st);
  }

  static int importance(CompiledModel m, RunState st) {
    if (st.nuclearUsed || st.highest >= 6) {
      return NUCLEAR + 1000 * (Math.max(6, st.highest) - 6);
    }
    int nA = m.nA;
    int atWar = 0;
    double progress = 0;
    double strategic = 0;
    for (int a = 0; a < nA; a++) {
      if (!st.nuclearArmed(a) || !st.atWarAny(a)) {
        continue;
      }
      atWar++;
      int d = m.actors.doctrine(a);
      boolean e2d = d == DoctrineKind.ESCALATE_TO_DEESCALATE.ordinal();
      boolean existential = d == DoctrineKind.EXISTENTIAL.ordinal();
      if (!e2d && !existential) {
        continue;
      }
      // the first-use rule (held or home theaters for escalate-to-de-escalate, home for an
      // existential doctrine) and the strategic rule (home theaters, for either)
      progress = Math.max(progress, doctrineProgress(m, st, a, existential));
      strategic = Math.max(strategic, doctrineProgress(m, st, a, true));
    }
    int base = ((Math.min(st.highest, 5) * 10 + Math.min(atWar, 9)) * 10 + bucket(progress)) * 10
        + bucket(strategic);
    double q = st.nuclearChoice;
    int z = q > 0 ? Math.max(1, Math.min(15, 16 + (int) Math.floor(Math.log10(q)))) : 0;
    return 16 * base + z;
  }

  /** 0..8 for partial progress, 9 once the rule holds. */
  private static int bucket(double progress) {
    return progress >= UNLOCKED ? 9 : (int) Math.floor(8 * Math.min(1, progress));
  }

  /**
   * Progress of nuclear-armed actor a toward its doctrine's threshold: (lost + ½·contested) /
   * base / threshold, where a theater counts in the base as the doctrine says (home only for an
   * existential doctrine), is lost when an enemy at war controls it and contested when an enemy
   * at war has forces in it.
   */
  static double doctrineProgress(CompiledModel m, RunState st, int a, boolean homeOnly) {
    int nT = m.nT;
    int nA = m.nA;
    int base = 0;
    double lost = 0;
    double lostWhole = 0;
    for (int t = 0; t < nT; t++) {
      boolean mine = m.theaters.home(t) == a || (!homeOnly && m.theaters.control0(t) == a);
      if (!mine) {
        continue;
      }
      base++;
      int c = st.control[t];
      if (c >= 0 && c != a && st.war[a * nA + c]) {
        lost += 1;
        lostWhole += 1;
        continue;
      }
      for (int b = 0; b < nA; b++) {
        if (b != a && st.war[a * nA + b] && st.forces[b * nT + t] > 0) {
          lost += 0.5;
          break;
        }
      }
    }
    double threshold = m.actors.doctrineThreshold(a);
    if (base == 0) {
      return 0;
    }
    if (lostWhole / base >= threshold) {
      return UNLOCKED; // the rule itself holds: nuclear use is unlocked
    }
    return threshold > 0 ? Math.min(1, lost / base / threshold) : 1;
  }

  @Override
  public int typeGroups() {
    return m.nA;
  }

  @Override
  public int typeCount(int g) {
    return m.types.nTypes(g);
  }

  @Override
  public double typePrior(int g, int k) {
    return m.types.drawPrior(g, k);
  }

  @Override
  public int type(int g) {
    return st.trueRes[g] * m.types.nMot(g) + st.trueMot[g];
  }

  @Override
  public void setType(int g, int k) {
    st.trueRes[g] = k / m.types.nMot(g);
    st.trueMot[g] = k % m.types.nMot(g);
  }

  @Override
  public String typeLabel(int g, int k) {
    return m.actorId(g) + " resolve " + fmt(m.types.typeRes(g, k)) + " "
        + m.types.motiveId(g, m.types.typeMot(g, k));
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  @Override
  public String describePath() {
    StringBuilder b = new StringBuilder();
    int hi = 0;
    for (int i = 0; i < st.nEv; i++) {
      int r = st.logAction[i].rung();
      if (r > hi) {
        if (b.length() > 0) {
          b.append('>');
        }
        b.append(r);
        hi = r;
      }
    }
    b.insert(0, "rungs ");
    for (int i = 0; i < st.nEv; i++) {
      Action act = st.logAction[i];
      if (act.nuclear()) {
        b.append("; first nuclear use: ").append(m.actorId(st.logActor[i])).append(' ')
            .append(act.id());
        if (st.logTarget[i] >= 0) {
          b.append(" against ").append(m.actorId(st.logTarget[i]));
        }
        if (st.logTheater[i] >= 0) {
          b.append(" in ").append(m.theaterId(st.logTheater[i]));
        }
        break;
      }
    }
    return b.toString();
  }
}
