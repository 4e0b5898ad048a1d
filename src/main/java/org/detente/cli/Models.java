package org.detente.cli;

import org.detente.bargain.SpatialModel;
import org.detente.effects.DetonationCasualties;
import org.detente.effects.NuclearCasualtyModel;
import org.detente.engine.CasualtySource;
import org.detente.engine.CompiledModel;
import org.detente.engine.DealForecaster;
import org.detente.engine.ModelParameters;
import org.detente.scenario.Scenario;

/**
 * Wires the engine to its default collaborators: the shipped nuclear casualty model (effects) as
 * its {@link CasualtySource} and the spatial model of politics (bargain) as its
 * {@link DealForecaster}. The engine owns both interfaces and knows neither implementation; this
 * is the one place that chooses them.
 */
public final class Models {

  /**
   * The spatial model of politics as deal forecaster (docs/bargain.md). The model needs three
   * actors or more; between two, the deal is the capability- and salience-weighted mean of their
   * positions (what the model's own first round gives when nobody else can be courted).
   */
  public static final DealForecaster SPATIAL = p -> p.actors().size() < 3
      ? DealForecaster.WEIGHTED_MEAN.forecast(p)
      : SpatialModel.forecast(p).outcome();

  private Models() {}

  /** The shipped casualty model (GeoNames places, OTA 1979 bands, default parameters). */
  public static CasualtySource shippedCasualties() {
    return adapt(NuclearCasualtyModel.loadDefault());
  }

  /** An effects-package casualty model seen through the engine's interface. */
  public static CasualtySource adapt(DetonationCasualties model) {
    return (lat, lon, yieldKt, air) -> {
      DetonationCasualties.Casualties c = model.estimate(lat, lon, yieldKt, air);
      return new CasualtySource.Casualties(c.deaths(), c.injuries(), c.falloutDeaths());
    };
  }

  /** Compiles with the shipped nuclear casualty model and the spatial negotiation model. */
  public static CompiledModel compile(Scenario scenario, ModelParameters parameters) {
    return CompiledModel.compile(scenario, parameters, shippedCasualties(), SPATIAL);
  }
}
