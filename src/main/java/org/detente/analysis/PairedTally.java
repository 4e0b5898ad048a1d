package org.detente.analysis;

import org.detente.engine.RunSink;
import org.detente.engine.RunView;

/**
 * Streaming paired comparison. The baseline arm is run first into a {@link Baseline}, which keeps
 * one bit per run per indicator (memory: runs × indicators / 8 bytes, e.g. 1.3 MB for 10^6 runs
 * and 10 indicators). Each other arm is then run into a {@link PairedTally} that, for run i,
 * compares its indicators with the baseline's bits of run i and counts the four cells of each
 * paired 2×2 table. Nothing else is kept per run.
 */
public final class PairedTally implements RunSink {

  /** Bits of the baseline arm, indexed by run index. */
  public static final class Baseline implements RunSink {
    private final Indicators indicators;
    private final int runs;
    private final long[] bits;
    private final long[] counts;
    private int seen;

    /** A recorder for {@code runs} runs. */
    public Baseline(Indicators indicators, int runs) {
      this.indicators = indicators;
      this.runs = runs;
      this.bits = new long[(int) (((long) runs * indicators.size() + 63) / 64)];
      this.counts = new long[indicators.size()];
    }

    @Override
    public void accept(RunView run) {
      int r = run.runIndex();
      if (r < 0 || r >= runs) {
        throw new IllegalArgumentException("run index " + r + " outside 0.." + (runs - 1));
      }
      int k = indicators.size();
      for (int i = 0; i < k; i++) {
        if (indicators.test(run, i)) {
          long pos = (long) r * k + i;
          bits[(int) (pos >>> 6)] |= 1L << (pos & 63);
          counts[i]++;
        }
      }
      seen++;
    }

    boolean get(int run, int indicator) {
      long pos = (long) run * indicators.size() + indicator;
      return (bits[(int) (pos >>> 6)] & (1L << (pos & 63))) != 0;
    }

    /** Runs recorded so far. */
    public int seen() {
      return seen;
    }

    /** Number of baseline runs in which indicator i held. */
    public long count(int i) {
      return counts[i];
    }

    /** Bytes used by the bit store. */
    public long bytes() {
      return bits.length * 8L;
    }
  }

  private final Indicators indicators;
  private final Baseline baseline;
  private final long[][] cells;
  private int seen;

  /** A tally of one arm against a finished baseline. */
  public PairedTally(Indicators indicators, Baseline baseline) {
    this.indicators = indicators;
    this.baseline = baseline;
    this.cells = new long[indicators.size()][4];
  }

  @Override
  public void accept(RunView run) {
    int r = run.runIndex();
    if (r < 0 || r >= baseline.runs) {
      throw new IllegalArgumentException("run index " + r + " has no baseline run");
    }
    for (int i = 0; i < indicators.size(); i++) {
      boolean arm = indicators.test(run, i);
      boolean base = baseline.get(r, i);
      int cell = arm ? (base ? 0 : 1) : (base ? 2 : 3);
      cells[i][cell]++;
    }
    seen++;
  }

  /** Runs compared so far. */
  public int seen() {
    return seen;
  }

  /** The paired table of indicator i. */
  public PairedProportions table(int i) {
    long[] c = cells[i];
    return new PairedProportions(c[0], c[1], c[2], c[3]);
  }
}
