package org.detente.analysis;

import java.util.ArrayList;
import java.util.List;
import org.detente.model.Action;
import org.detente.engine.RunView;
import org.detente.scenario.Channel;
import org.detente.scenario.Relation;
import org.detente.scenario.Scenario;

/**
 * Evidence compiled against a scenario's indices, tested on runs.
 *
 * <p>Windows are clipped to the run: a run's log covers weeks 0 … endWeek (the horizon, or the
 * week an absorbing outcome ended it). An item whose window starts after the scenario's horizon
 * cannot be evaluated by the model and is left out (listed by {@link #skipped()}); an item whose
 * window extends past the horizon is evaluated on its part within the horizon.
 *
 * <p>An item with a {@link EvidenceItem#channel() channel} state follows every pair's channel
 * through the run: from the scenario's relations at week 0 (open where none is given), each
 * break-relations event moves the pair's channel one step down (open, degraded, severed) and
 * each restore-relations event one step up, in the order of the log, which is the order the
 * engine applies them; such an item matches only the events that leave the channel in its state.
 */
public final class EvidenceMatcher {

  private final List<EvidenceItem> items;
  private final List<EvidenceItem> skipped;
  private final int[][] actors;
  private final int[][] targets;
  private final int[][] theaters;
  private final boolean[][] actions;
  private final int[] from;
  private final int[] to;
  private final boolean[] occurred;
  private final boolean[] found;
  // per item: the channel state (ordinal) its events must leave, or -1 for any
  private final int[] channelAfter;
  private final boolean followChannels;
  private final int nA;
  private final int[] channel0; // [a*nA+b] at week 0
  private final int[] channel; // [a*nA+b] as the run's log is read

  /** Compiles {@code evidence} against {@code scenario} (ids were checked by the loader). */
  public EvidenceMatcher(Evidence evidence, Scenario scenario) {
    int horizon = scenario.meta().horizonSteps();
    List<EvidenceItem> kept = new ArrayList<>();
    List<EvidenceItem> skip = new ArrayList<>();
    for (EvidenceItem it : evidence.items()) {
      if (it.fromWeek() > horizon) {
        skip.add(it);
      } else {
        kept.add(it);
      }
    }
    this.items = List.copyOf(kept);
    this.skipped = List.copyOf(skip);
    int n = kept.size();
    actors = new int[n][];
    targets = new int[n][];
    theaters = new int[n][];
    actions = new boolean[n][Action.values().length];
    from = new int[n];
    to = new int[n];
    occurred = new boolean[n];
    found = new boolean[n];
    channelAfter = new int[n];
    boolean follow = false;
    for (int i = 0; i < n; i++) {
      EvidenceItem it = kept.get(i);
      actors[i] = it.actors().stream().mapToInt(scenario::actorIndex).toArray();
      targets[i] = it.targets().stream().mapToInt(scenario::actorIndex).toArray();
      theaters[i] = it.theaters().stream().mapToInt(scenario::theaterIndex).toArray();
      for (String a : it.actions()) {
        actions[i][Action.byId(a).ordinal()] = true;
      }
      from[i] = it.fromWeek();
      to[i] = Math.min(it.toWeek(), horizon);
      occurred[i] = it.occurred();
      channelAfter[i] = it.channel() == null ? -1 : it.channel().ordinal();
      follow |= it.channel() != null;
    }
    followChannels = follow;
    nA = scenario.actors().size();
    channel0 = new int[nA * nA];
    channel = new int[nA * nA];
    for (Relation r : scenario.relations()) {
      int a = scenario.actorIndex(r.a());
      int b = scenario.actorIndex(r.b());
      if (a >= 0 && b >= 0 && r.channel() != null) {
        channel0[a * nA + b] = r.channel().ordinal();
        channel0[b * nA + a] = r.channel().ordinal();
      }
    }
  }

  /** Items evaluated, in file order. */
  public List<EvidenceItem> items() {
    return items;
  }

  /** Items left out because their window starts after the horizon. */
  public List<EvidenceItem> skipped() {
    return skipped;
  }

  /**
   * Tests the run against every item; {@code consistent[i]} is set for each item. Not
   * thread-safe (one matcher per thread).
   *
   * @return whether the run is consistent with all items
   */
  public boolean test(RunView run, boolean[] consistent) {
    int n = items.size();
    java.util.Arrays.fill(found, false);
    if (followChannels) {
      System.arraycopy(channel0, 0, channel, 0, channel0.length);
    }
    int severed = Channel.SEVERED.ordinal();
    int events = run.eventCount();
    for (int e = 0; e < events; e++) {
      int week = run.eventWeek(e);
      Action act = run.eventAction(e);
      int ord = act.ordinal();
      int after = -1;
      if (followChannels && (act == Action.BREAK_RELATIONS || act == Action.RESTORE_RELATIONS)) {
        int a = run.eventActor(e);
        int b = run.eventTarget(e);
        if (a >= 0 && b >= 0 && a != b) {
          int ch = channel[a * nA + b];
          after = act == Action.BREAK_RELATIONS ? Math.min(severed, ch + 1) : Math.max(0, ch - 1);
          channel[a * nA + b] = after;
          channel[b * nA + a] = after;
        }
      }
      for (int i = 0; i < n; i++) {
        if (found[i] || !actions[i][ord] || week < from[i] || week > to[i]) {
          continue;
        }
        if (channelAfter[i] >= 0 && after != channelAfter[i]) {
          continue;
        }
        if (in(actors[i], run.eventActor(e)) && in(targets[i], run.eventTarget(e))
            && in(theaters[i], run.eventTheater(e))) {
          found[i] = true;
        }
      }
    }
    boolean all = true;
    for (int i = 0; i < n; i++) {
      consistent[i] = found[i] == occurred[i];
      all &= consistent[i];
    }
    return all;
  }

  private static boolean in(int[] set, int v) {
    if (set.length == 0) {
      return true;
    }
    for (int s : set) {
      if (s == v) {
        return true;
      }
    }
    return false;
  }
}
