package org.detente.backtest;

import java.util.List;
import java.util.Map;

/**
 * A scenario generated from one ICB crisis, or the reason it could not be.
 *
 * @param crisis    the crisis
 * @param yaml      the scenario file's text (null when not expressible)
 * @param reason    why the crisis cannot be expressed (null when it can)
 * @param actorIds  scenario actor id by COW code, in scenario order
 * @param side      side of each scenario actor (1 or 2, 0 = neither), by actor id
 * @param missing   data gaps filled on the way (e.g. an NMC figure of a nearby year), named
 * @param facts     per actor id: {COW code, CINC, warheads, capital latitude, longitude}
 */
public record GeneratedCrisis(IcbData.Crisis crisis, String yaml, String reason,
    Map<Integer, String> actorIds, Map<String, Integer> side, List<String> missing,
    Map<String, double[]> facts) {

  /** Whether a scenario was generated. */
  public boolean expressible() {
    return yaml != null;
  }

  /** The scenario id ({@code icb-NNN}). */
  public String scenarioId() {
    return String.format(java.util.Locale.ROOT, "icb-%03d", crisis.id());
  }
}
