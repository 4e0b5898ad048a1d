package org.detente.engine;

import org.detente.model.ParameterCatalog;

/**
 * The model's constants for one ensemble, typed and named: every entry of the {@link
 * ParameterCatalog} read once from {@link ModelParameters} through a {@link Key}, never by a
 * string in the engine. The number of warheads per strike is rounded to a whole number, at least
 * one.
 */
record ModelConstants(
    double lambda,
    double incidentRate,
    double noiseOpen,
    double noiseDegraded,
    double noiseSevered,
    double warCost,
    double crisisCost,
    double catastropheCost,
    double escalationRisk,
    double tabooCost,
    double audienceCost,
    double dealAudienceShare,
    double offerShift,
    double coercionCost,
    double coercionPain,
    double rhetoricGain,
    double consultValue,
    double hostileThreshold,
    double goldsteinHostility,
    double rhetoricStep,
    double incidentHostility,
    double lanchesterK,
    double breakthroughRatio,
    double terrainMixed,
    double terrainForest,
    double terrainUrban,
    double terrainMountain,
    double terrainMaritime,
    double killedShare,
    double civilianRatio,
    double mobilizeShare,
    double mobilizationCeiling,
    double attackCommit,
    double nuclearForceKill,
    int warheadsPerStrike,
    double strategicSalvo,
    double followOnRisk,
    double allianceCredibility,
    double proxyBoost,
    double aidShare,
    double localEscalationShare,
    double contactIntensity,
    double channelWeeks,
    double ripeningWeeks,
    double engagementWeeks,
    double inertia,
    double negotiationWeeks,
    double fadeWeeks) {

  /**
   * The catalogue's parameters, one constant each. A key whose name is not in the catalogue, or
   * a catalogue entry without a key, fails when this class is loaded.
   */
  enum Key {
    QRE_LAMBDA("qreLambda"),
    INCIDENT_RATE("incidentRate"),
    NOISE_OPEN("noiseOpen"),
    NOISE_DEGRADED("noiseDegraded"),
    NOISE_SEVERED("noiseSevered"),
    WAR_COST("warCost"),
    CRISIS_COST("crisisCost"),
    CATASTROPHE_COST("catastropheCost"),
    PERCEIVED_ESCALATION_RISK("perceivedEscalationRisk"),
    NUCLEAR_TABOO_COST("nuclearTabooCost"),
    AUDIENCE_COST("audienceCost"),
    DEAL_AUDIENCE_SHARE("dealAudienceShare"),
    OFFER_SHIFT("offerShift"),
    COERCION_COST("coercionCost"),
    COERCION_PAIN("coercionPain"),
    RHETORIC_GAIN("rhetoricGain"),
    CONSULT_VALUE("consultValue"),
    HOSTILE_THRESHOLD("hostileThreshold"),
    GOLDSTEIN_HOSTILITY("goldsteinHostility"),
    RHETORIC_STEP("rhetoricStep"),
    INCIDENT_HOSTILITY("incidentHostility"),
    LANCHESTER_K("lanchesterK"),
    BREAKTHROUGH_RATIO("breakthroughRatio"),
    TERRAIN_MIXED("terrainMixed"),
    TERRAIN_FOREST("terrainForest"),
    TERRAIN_URBAN("terrainUrban"),
    TERRAIN_MOUNTAIN("terrainMountain"),
    TERRAIN_MARITIME("terrainMaritime"),
    KILLED_SHARE("killedShare"),
    CIVILIAN_RATIO("civilianRatio"),
    MOBILIZE_SHARE("mobilizeShare"),
    MOBILIZATION_CEILING("mobilizationCeiling"),
    ATTACK_COMMIT("attackCommit"),
    NUCLEAR_FORCE_KILL("nuclearForceKill"),
    WARHEADS_PER_STRIKE("warheadsPerStrike"),
    STRATEGIC_SALVO("strategicSalvo"),
    FOLLOW_ON_RISK("followOnRisk"),
    ALLIANCE_CREDIBILITY("allianceCredibility"),
    PROXY_BOOST("proxyBoost"),
    AID_SHARE("aidShare"),
    LOCAL_ESCALATION_SHARE("localEscalationShare"),
    CONTACT_INTENSITY("contactIntensity"),
    CHANNEL_WEEKS("channelWeeks"),
    RIPENING_WEEKS("ripeningWeeks"),
    ENGAGEMENT_WEEKS("engagementWeeks"),
    INERTIA("inertia"),
    NEGOTIATION_WEEKS("negotiationWeeks"),
    FADE_WEEKS("fadeWeeks");

    private final String catalogueName;
    private final int index;

    Key(String catalogueName) {
      this.catalogueName = catalogueName;
      this.index = ParameterCatalog.indexOf(catalogueName);
      if (index < 0) {
        throw new IllegalStateException("no catalogue parameter '" + catalogueName + "'");
      }
    }

    static {
      if (values().length != ParameterCatalog.all().size()) {
        throw new IllegalStateException(values().length + " parameter keys for "
            + ParameterCatalog.all().size() + " catalogue parameters");
      }
    }

    /** The parameter's name in the catalogue and in scenario files. */
    String catalogueName() {
      return catalogueName;
    }

    /** The parameter's index in the catalogue. */
    int index() {
      return index;
    }
  }

  /** The constants of a set of parameter values. */
  static ModelConstants from(ModelParameters p) {
    return new ModelConstants(
        p.get(Key.QRE_LAMBDA),
        p.get(Key.INCIDENT_RATE),
        p.get(Key.NOISE_OPEN),
        p.get(Key.NOISE_DEGRADED),
        p.get(Key.NOISE_SEVERED),
        p.get(Key.WAR_COST),
        p.get(Key.CRISIS_COST),
        p.get(Key.CATASTROPHE_COST),
        p.get(Key.PERCEIVED_ESCALATION_RISK),
        p.get(Key.NUCLEAR_TABOO_COST),
        p.get(Key.AUDIENCE_COST),
        p.get(Key.DEAL_AUDIENCE_SHARE),
        p.get(Key.OFFER_SHIFT),
        p.get(Key.COERCION_COST),
        p.get(Key.COERCION_PAIN),
        p.get(Key.RHETORIC_GAIN),
        p.get(Key.CONSULT_VALUE),
        p.get(Key.HOSTILE_THRESHOLD),
        p.get(Key.GOLDSTEIN_HOSTILITY),
        p.get(Key.RHETORIC_STEP),
        p.get(Key.INCIDENT_HOSTILITY),
        p.get(Key.LANCHESTER_K),
        p.get(Key.BREAKTHROUGH_RATIO),
        p.get(Key.TERRAIN_MIXED),
        p.get(Key.TERRAIN_FOREST),
        p.get(Key.TERRAIN_URBAN),
        p.get(Key.TERRAIN_MOUNTAIN),
        p.get(Key.TERRAIN_MARITIME),
        p.get(Key.KILLED_SHARE),
        p.get(Key.CIVILIAN_RATIO),
        p.get(Key.MOBILIZE_SHARE),
        p.get(Key.MOBILIZATION_CEILING),
        p.get(Key.ATTACK_COMMIT),
        p.get(Key.NUCLEAR_FORCE_KILL),
        Math.max(1, (int) Math.round(p.get(Key.WARHEADS_PER_STRIKE))),
        p.get(Key.STRATEGIC_SALVO),
        p.get(Key.FOLLOW_ON_RISK),
        p.get(Key.ALLIANCE_CREDIBILITY),
        p.get(Key.PROXY_BOOST),
        p.get(Key.AID_SHARE),
        p.get(Key.LOCAL_ESCALATION_SHARE),
        p.get(Key.CONTACT_INTENSITY),
        p.get(Key.CHANNEL_WEEKS),
        p.get(Key.RIPENING_WEEKS),
        p.get(Key.ENGAGEMENT_WEEKS),
        p.get(Key.INERTIA),
        p.get(Key.NEGOTIATION_WEEKS),
        p.get(Key.FADE_WEEKS));
  }

  /**
   * The continuation value of a channel state per unit of consultValue x hostility per week: 1
   * for an open channel, 0 for a severed one, and for a degraded one the share of the noise
   * between open and severed that it still removes.
   */
  double channelWorth(int channel) {
    return switch (channel) {
      case RunState.OPEN -> 1;
      case RunState.DEGRADED -> noiseSevered > noiseOpen
          ? (noiseSevered - noiseDegraded) / (noiseSevered - noiseOpen) : 0.5;
      default -> 0;
    };
  }

  /** Observation noise of a channel state (open, degraded, severed). */
  double noise(int channel) {
    return switch (channel) {
      case RunState.OPEN -> noiseOpen;
      case RunState.DEGRADED -> noiseDegraded;
      default -> noiseSevered;
    };
  }
}
