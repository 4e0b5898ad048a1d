package org.detente.model;

import java.util.List;

/**
 * The catalogue of model constants a scenario may override. The loader rejects any other name.
 * Each entry states where its default and range come from; docs/model.md explains each one and
 * the calibration runs behind the judgements.
 *
 * <p>Utilities are in "stake units": 1.0 is what an actor gains by getting its way completely on
 * everything at stake in a crisis (all its valued issues at its ideal point, resolve 1).
 */
public final class ParameterCatalog {

  private static final String CAL = "documented judgement, calibrated on the Cuban missile crisis"
      + " and the ICB nuclear-dyad crises (docs/model.md, Calibration)";

  // the four violence parameters fitted together (detente calibrate --runs 50 --eval-runs 200
  // --generations 10 --population 8 --parameters
  // incidentRate,engagementWeeks,contactIntensity,attackCommit)
  private static final String FIT = "fitted on the 254 ICB crises triggered before 1980"
      + " (separable CMA-ES over common random numbers; docs/backtest.md section 5, fit F)";

  private static final List<ParameterSpec> SPECS =
      List.of(
          new ParameterSpec(
              "qreLambda", 8.0, 2.0, 20.0, "1/stake",
              "Precision of the logit quantal response (higher = closer to best response)",
              "McKelvey & Palfrey 1995; " + CAL),
          new ParameterSpec(
              "incidentRate", 0.0131, 0.005, 0.08, "1/week",
              "Weekly rate of armed incidents per hostile dyad at hostility 1 with forces in contact",
              FIT + " (spread 0.0099); was 0.02, a judgement from ICB v14: minor/serious"
                  + " clashes in about half of nuclear-dyad crises lasting 1-12 months (crises"
                  + " 123, 196, 231, 392, 431)"),
          new ParameterSpec(
              "noiseOpen", 0.05, 0.01, 0.2, "1",
              "Observation noise of an open channel: chance a signal is misread or an incident"
                  + " goes unexplained",
              "documented judgement (hotline and embassy contacts clarify most signals)"),
          new ParameterSpec(
              "noiseDegraded", 0.2, 0.05, 0.4, "1",
              "Observation noise of a degraded channel", "documented judgement"),
          new ParameterSpec(
              "noiseSevered", 0.4, 0.2, 0.6, "1",
              "Observation noise of a severed channel (signals read through the press)",
              "documented judgement; Jervis 1976 on misperception"),
          new ParameterSpec(
              "warCost", 0.5, 0.2, 1.0, "stake",
              "Expected cost of a conventional war to each side (Fearon's c), before regime"
                  + " security and deterrence weights",
              CAL),
          new ParameterSpec(
              "crisisCost", 0.05, 0.01, 0.2, "stake",
              "Cost of an unresolved crisis at hostility 1 (economic and political strain)",
              CAL),
          new ParameterSpec(
              "catastropheCost", 10.0, 3.0, 30.0, "stake",
              "Disvalue of a nuclear exchange, weighted by risk attitude",
              "documented judgement: a nuclear war costs far more than any stake"
                  + " (Schelling 1966; Jervis 1989)"),
          new ParameterSpec(
              "perceivedEscalationRisk", 0.1, 0.02, 0.3, "1",
              "Probability an actor assigns to a war with a nuclear-armed side going nuclear"
                  + " (the threat that leaves something to chance)",
              "Schelling 1960/1966; Kennedy's 'between one in three and even' in 1962 is an"
                  + " upper bound; documented judgement"),
          new ParameterSpec(
              "nuclearTabooCost", 2.0, 0.5, 5.0, "stake",
              "Political cost of breaking the nuclear taboo by any first use",
              "Tannenwald 2007; documented judgement"),
          new ParameterSpec(
              "audienceCost", 0.3, 0.0, 1.0, "stake",
              "Cost of backing down per unit of own public rhetoric and threats",
              "Fearon 1994; Tomz 2007 (survey experiments); documented judgement"),
          new ParameterSpec(
              "dealAudienceShare", 0.5, 0.0, 1.0, "1",
              "Share of the audience cost paid on accepting a compromise deal",
              "Fearon 1994; documented judgement"),
          new ParameterSpec(
              "offerShift", 0.25, 0.1, 0.5, "1",
              "How far an offer (or a coerced yield) moves the focal deal toward the other side",
              "documented judgement"),
          new ParameterSpec(
              "coercionCost", 0.05, 0.0, 0.15, "stake",
              "Cost to the acting side of one coercive step (sanction, mobilisation); blockade"
                  + " costs twice as much",
              "documented judgement"),
          new ParameterSpec(
              "coercionPain", 0.05, 0.0, 0.2, "stake",
              "Pain a coercive step inflicts on the target, raising its value of yielding",
              "documented judgement; Schelling 1966 compellence"),
          new ParameterSpec(
              "rhetoricGain", 0.01, 0.0, 0.05, "stake",
              "Domestic benefit a leader expects from harsh public rhetoric",
              "documented judgement (rally effects)"),
          new ParameterSpec(
              "consultValue", 0.02, 0.0, 0.1, "stake",
              "Value of talking at hostility 1 (clarifying intentions, lowering risk)",
              "documented judgement"),
          new ParameterSpec(
              "hostileThreshold", 0.3, 0.1, 0.6, "1",
              "Hostility above which a pair of actors is an active dyad (decides each step)",
              "documented judgement"),
          new ParameterSpec(
              "goldsteinHostility", 0.01, 0.002, 0.03, "1/Goldstein",
              "Change of hostility per Goldstein point of an action (negative values raise it)",
              "Goldstein 1992 scale used as an ordinal intensity; documented judgement"),
          new ParameterSpec(
              "rhetoricStep", 0.1, 0.02, 0.3, "1",
              "Rise of the actor's public commitment (rhetoric) per insult or threat",
              "documented judgement"),
          new ParameterSpec(
              "incidentHostility", 0.1, 0.0, 0.3, "1",
              "Rise of hostility after an incident that is not clarified",
              "documented judgement"),
          new ParameterSpec(
              "lanchesterK", 0.05, 0.02, 0.12, "1/week",
              "Lanchester attrition coefficient: weekly losses per unit of effective enemy"
                  + " force ratio",
              "Dupuy 1990 (Attrition): attacker losses of 1-2% per day in intense combat;"
                  + " calibrated so a 1:1 engagement costs about 5% per week"),
          new ParameterSpec(
              "breakthroughRatio", 3.0, 2.0, 5.0, "1",
              "Effective force ratio at which the attacker breaks through and takes control",
              "the 3:1 rule (Mearsheimer 1989; Dupuy 1987)"),
          new ParameterSpec(
              "terrainMixed", 1.3, 1.1, 1.5, "1",
              "Defender multiplier on mixed terrain",
              "after Dupuy 1979 (QJM terrain factors), rounded"),
          new ParameterSpec(
              "terrainForest", 1.5, 1.2, 1.8, "1",
              "Defender multiplier in forest", "after Dupuy 1979 (QJM terrain factors), rounded"),
          new ParameterSpec(
              "terrainUrban", 2.0, 1.5, 3.0, "1",
              "Defender multiplier in cities", "after Dupuy 1979; urban warfare studies"),
          new ParameterSpec(
              "terrainMountain", 2.5, 1.8, 3.0, "1",
              "Defender multiplier in mountains", "after Dupuy 1979 (QJM terrain factors)"),
          new ParameterSpec(
              "terrainMaritime", 3.0, 2.0, 5.0, "1",
              "Defender multiplier across the sea (amphibious assault)",
              "documented judgement (amphibious operations need large superiority)"),
          new ParameterSpec(
              "killedShare", 0.25, 0.15, 0.35, "1",
              "Share of combat losses that are deaths (the rest wounded or captured)",
              "Dupuy 1990: about one killed per three wounded in 20th-century wars"),
          new ParameterSpec(
              "civilianRatio", 0.5, 0.1, 1.5, "1",
              "Civilian deaths per military death in conventional war",
              "documented judgement; Eckhardt 1989 estimates about half of war deaths civilian"),
          new ParameterSpec(
              "mobilizeShare", 0.1, 0.02, 0.3, "1",
              "Share by which mobilisation raises the actor's forces in a theater",
              "documented judgement"),
          new ParameterSpec(
              "mobilizationCeiling", 0.05, 0.02, 0.12, "1",
              "Largest share of an actor's population it can put into its forces: mobilisation"
                  + " draws on the rest, and the fallen are not replaced",
              "documented judgement: Israel's full mobilisation about 7 % (IISS 2022: 169,500"
                  + " active and 465,000 reserves of 8.8 M); Ukraine about 700,000 of 41 M in"
                  + " mid-2022 (1.7 %); peaks of the Second World War about 8-13 % (Harrison"
                  + " 1998)"),
          new ParameterSpec(
              "attackCommit", 0.8, 0.2, 0.8, "1",
              "Share of forces in a theater committed to an attack on an adjacent theater or"
                  + " sent in one deployment",
              FIT + " (spread 0.14; on the upper end of its range); was 0.5, a documented"
                  + " judgement"),
          new ParameterSpec(
              "nuclearForceKill", 0.3, 0.1, 0.6, "1",
              "Share of the target's forces in a theater destroyed by a non-strategic strike",
              "documented judgement after Glasstone & Dolan 1977 (5 psi areas vs dispersed"
                  + " forces)"),
          new ParameterSpec(
              "warheadsPerStrike", 3.0, 1.0, 10.0, "warheads",
              "Non-strategic warheads used in one strike on forces",
              "documented judgement"),
          new ParameterSpec(
              "strategicSalvo", 0.3, 0.1, 1.0, "1",
              "Share of the deployed strategic arsenal fired in a strategic strike",
              "documented judgement"),
          new ParameterSpec(
              "followOnRisk", 0.5, 0.2, 0.9, "1",
              "Perceived chance that nuclear use, once begun, escalates further",
              "documented judgement; Kahn 1965"),
          new ParameterSpec(
              "allianceCredibility", 0.5, 0.2, 0.9, "1",
              "Credibility of an alliance commitment formed during a run",
              "documented judgement"),
          new ParameterSpec(
              "proxyBoost", 0.1, 0.0, 0.3, "1",
              "Rise of a recipient's combat effectiveness per round of military aid",
              "documented judgement"),
          new ParameterSpec(
              "aidShare", 0.03, 0.0, 0.1, "1",
              "Share of a supporter's weighted forces that its standing military aid adds to the"
                  + " recipient's side in the war contest (once the supporter has armed it)",
              "Kiel Institute Ukraine Support Tracker: US military aid of about EUR 43 bn from"
                  + " Jan 2022 to Jan 2024, about 2.7 % a year of the US defence budget (SIPRI);"
                  + " rounded up for the European donors' larger shares of their budgets"),
          new ParameterSpec(
              "localEscalationShare", 0.1, 0.02, 0.5, "1",
              "Share of a general war's nuclear danger that a limited attack in one theater"
                  + " carries, between parties already at war",
              "documented judgement: limited attacks under nuclear deterrence were made and did"
                  + " not escalate (Ussuri 1969, Kargil 1999; the Falklands 1982 against a"
                  + " nuclear power's forces)"),
          new ParameterSpec(
              "contactIntensity", 0.0324, 0.0, 0.3, "1",
              "Attrition between forces at war in contact across a border, without an assault,"
                  + " as a share of lanchesterK",
              FIT + " (spread 0.049); was 0.1, a documented judgement: artillery and raids"
                  + " across a static front cost a fraction of an assault's losses (Dupuy 1990)"),
          new ParameterSpec(
              "channelWeeks", 26.0, 4.0, 104.0, "weeks",
              "Weeks over which a decider values the channel it breaks or restores: the"
                  + " continuation value of a channel level is consultValue x hostility per week"
                  + " over this span, in proportion to the noise it removes",
              "documented judgement: ruptures between states last years rather than weeks"
                  + " (US-Cuba 1961-2015, US-Iran since 1980, UK-Iran 1989-1999), and a crisis"
                  + " lasts months (ICB v14 median 110 days); half a year of that value is"
                  + " counted"),
          new ParameterSpec(
              "ripeningWeeks", 26.0, 4.0, 104.0, "weeks",
              "Weeks in which a war ripens into a hurting stalemate: a side at war bears the"
                  + " share 1 - exp(-d / ripeningWeeks) of the war's running cost in its value of"
                  + " fighting on, d the weeks since the war began; a side not at war bears the"
                  + " share 1 - exp(-(w + 1) / ripeningWeeks) of the crisis's strain, w the weeks"
                  + " since the run began",
              "Zartman 2000 (ripeness: the mutually hurting stalemate); documented judgement:"
                  + " the cost of a war or a crisis is felt as it accumulates over months;"
                  + " ICB back-test, docs/model.md section 2"),
          new ParameterSpec(
              "engagementWeeks", 15.5589, 1.0, 26.0, "weeks",
              "Weeks in which the fighting of a war begun during a run grows to full intensity:"
                  + " in week d of the war (d = 0 the week it began) the attrition coefficient is"
                  + " lanchesterK x (1 - exp(-(d + 1) / engagementWeeks)); wars going on at week 0"
                  + " fight at full intensity",
              FIT + " (spread 4.2); was 10, a documented judgement: most interstate crises that"
                  + " turn violent begin with clashes of the forces at the point of contact, and"
                  + " the bulk of an army joins over weeks of mobilisation and deployment (ICB"
                  + " v14: after a violent trigger, 33% of crises see serious clashes and 31%"
                  + " full-scale war; Brecher & Wilkenfeld 2000)"),
          new ParameterSpec(
              "inertia", 2.0, 0.0, 4.0, "1",
              "Status-quo bias of a decider in peacetime, in noise units of the quantal response:"
                  + " inertia / qreLambda stake units are added to the expected utility of holding"
                  + " the current course (wait) in every peacetime decision toward a counterpart,"
                  + " so that holding on is e^inertia times as likely as an action of equal value"
                  + " and an action is chosen more often than holding on only when it gains more"
                  + " than that (at war, holding on is fighting on, and no bias is added)",
              "Samuelson & Zeckhauser 1988 (status-quo bias); Allison 1971 (organisational"
                  + " process: governments keep to their standing course unless the stakes call"
                  + " for a change); documented judgement: 2 (0.25 stake units at the default"
                  + " qreLambda of 8; e^2 = 7.4); ICB training crises: violence Brier skill"
                  + " +0.076, +0.078, +0.084, +0.091 at 0, 1, 2, 3 (before the crisis strain"
                  + " ripened), the Cuban deal within 4 weeks 0.83, 0.81, 0.69, 0.50"),
          new ParameterSpec(
              "negotiationWeeks", 46.7747, 1.0, 52.0, "weeks",
              "Rounds of talks a peacetime deal takes without urgency: a proposed deal or offer"
                  + " inside both bargaining ranges between two actors not at war fails to"
                  + " conclude with probability (1 - 1 / negotiationWeeks) x exp(-qreLambda x S),"
                  + " S the two sides' strain of the crisis that week (status quo minus holding"
                  + " on), and the talks go on; a deal the principal adversaries accept at war"
                  + " is a ceasefire at once, its terms following in such rounds from the next"
                  + " week (1: every such proposal binds at once)",
              "fitted on the 254 ICB crises triggered before 1980 alone (separable CMA-ES over"
                  + " common random numbers; docs/backtest.md section 5, fit G; spread 0.94, the"
                  + " objective flat from about 26 weeks up: 1.1177 at 26, 1.1163 here: an ICB"
                  + " crisis's deal is found by its urgency, seldom by the unhurried rounds); was"
                  + " 8, a documented judgement, with the range 1-26; Zartman & Berman 1982"
                  + " (prenegotiation, the formula, the details); Zartman 2000 and Pruitt 1981"
                  + " (urgency hurries agreement); Pillar 1983 and Fortna 2004 (a ceasefire, then"
                  + " the terms); ICB v14:"
                  + " formal agreements end crises after a median 124 days, semi-formal 98,"
                  + " tacit 38"),
          new ParameterSpec(
              "fadeWeeks", 0.0, 0.0, 52.0, "weeks",
              "0: off (hostility does not relax by itself); otherwise the weeks in which the"
                  + " hostility of a pair in crisis relaxes by a factor e in weeks"
                  + " in which no hostile act passes between them (no threat, coercion, incident,"
                  + " attack or rejection, and no war): it is multiplied by exp(-1 / fadeWeeks)"
                  + " each such week; when the principals' hostility falls below hostileThreshold"
                  + " with no war involving either of them, the crisis has faded and ends without"
                  + " agreement",
              "Brecher & Wilkenfeld 2000 (a crisis ends when the perceived threat, time pressure"
                  + " and likelihood of hostilities fall below the crisis level; ICB's faded and"
                  + " tacit endings); documented judgement: a crisis left alone cools over weeks"
                  + " (ICB v14: crises that faded ended after a median 81 days); ICB back-test,"
                  + " docs/model.md section 2; off by default: at 8 weeks it left the back-test's"
                  + " scores as they were and raised the US-Russia rupture from 0.07 to 0.19"));

  private ParameterCatalog() {}

  /** All parameters in catalogue order. */
  public static List<ParameterSpec> all() {
    return SPECS;
  }

  /** The parameter with this name, or null. */
  public static ParameterSpec byName(String name) {
    for (ParameterSpec s : SPECS) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Index of the parameter in catalogue order, or -1. */
  public static int indexOf(String name) {
    for (int i = 0; i < SPECS.size(); i++) {
      if (SPECS.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Names in catalogue order. */
  public static List<String> names() {
    return SPECS.stream().map(ParameterSpec::name).toList();
  }
}
