package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import org.detente.engine.RunView;
import org.detente.model.Action;

/**
 * The escalation path of one run: each rung that raised the run's highest rung so far, in the
 * order of its event log. A run that insults, then threatens, then goes to war has the path
 * {@code 1>2>5}; one that also mobilised before the war has {@code 1>2>4>5}. The last rung of a
 * path is always the run's highest rung. When the event log was cut at its capacity, the rungs
 * first reached after the cut are taken from {@link RunView#firstWeekOfRung} at the resolution of
 * a week (the highest rung reached in each later week). A run with no event has the path
 * {@value #NONE}.
 *
 * <p>A path is packed in a {@code long} (4 bits per rung, the length in the lowest 4 bits) so
 * that counting paths allocates nothing; {@link #name} gives its text. This is the one definition
 * of a path that {@code detente run}, its JSON and the HTML report share.
 */
public final class EscalationPath {

  /** Text of the empty path (a run without any event). */
  public static final String NONE = "none";

  private EscalationPath() {}

  /** The packed path of a run. */
  public static long of(RunView run) {
    long key = 0;
    int n = 0;
    int top = -1;
    int events = run.eventCount();
    for (int e = 0; e < events; e++) {
      int rung = run.eventAction(e).rung();
      if (rung > top) {
        key = (key << 4) | rung;
        n++;
        top = rung;
      }
    }
    // a log cut at its capacity: later records from the first week of each higher rung
    for (int r = top + 1; r < Action.RUNGS; r++) {
      int w = run.firstWeekOfRung(r);
      if (w < 0) {
        break;
      }
      if (r + 1 == Action.RUNGS || run.firstWeekOfRung(r + 1) != w) {
        key = (key << 4) | r;
        n++;
      }
    }
    return (key << 4) | n;
  }

  /** Number of rungs in a packed path. */
  public static int length(long key) {
    return (int) (key & 15);
  }

  /**
   * Whether a number is a packed path as {@link #of} makes it: at most {@link Action#RUNGS}
   * rungs, strictly increasing, with nothing above them.
   */
  public static boolean isValid(long key) {
    int n = length(key);
    if (key < 0 || n > Action.RUNGS || (key >>> (4 * (n + 1))) != 0) {
      return false;
    }
    int prev = -1;
    for (int r : rungs(key)) {
      if (r <= prev || r >= Action.RUNGS) {
        return false;
      }
      prev = r;
    }
    return true;
  }

  /** The rungs of a packed path, in order. */
  public static int[] rungs(long key) {
    int n = length(key);
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = (int) ((key >>> (4 * (n - i))) & 15);
    }
    return r;
  }

  /** Text of a packed path: its rungs joined by {@code >}, e.g. {@code 1>2>5}, or "none". */
  public static String name(long key) {
    int[] r = rungs(key);
    if (r.length == 0) {
      return NONE;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < r.length; i++) {
      if (i > 0) {
        b.append('>');
      }
      b.append(r[i]);
    }
    return b.toString();
  }

  /** The rungs of a path's text, as {@link #name} writes it. */
  public static List<Integer> parse(String name) {
    List<Integer> l = new ArrayList<>();
    if (name.equals(NONE)) {
      return l;
    }
    for (String part : name.split(">")) {
      l.add(Integer.parseInt(part));
    }
    return l;
  }
}
