package org.detente.engine;

import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.scenario.Scenario;

/**
 * A scenario and its parameters compiled for the hot loop: integer indices, primitive arrays,
 * and everything that does not change during a run computed once. It is made of small parts,
 * each built from the scenario by its own class: the constants ({@link ModelConstants}), the
 * actors' means ({@link Actors}), their private types ({@link TypeSpace}), the theater graph
 * ({@link TheaterGraph}), the mediators' credibility and leverage ({@link Mediation}), the
 * motive tables with the focal deal ({@link MotiveTables}), the relations and principals ({@link
 * Relations}), the nuclear casualty table ({@link
 * CasualtyTable}), the scripted events ({@link EventSchedule}) and the questions ({@link
 * QuestionSet}). Each part keeps its arrays private and is read through accessors (indexed
 * getters, or methods that copy into a caller's array), so the steps of a run can only read it.
 * Immutable and shared by all worker threads.
 */
public final class CompiledModel {

  // ---- identity ------------------------------------------------------------------------------
  final Scenario scenario;
  final ModelParameters parameters;
  final int nA;
  final int nT;
  final int nI;
  final int horizon;
  private final String[] actorIds;
  private final String[] theaterIds;

  // ---- parts ---------------------------------------------------------------------------------
  final ModelConstants constants;
  final Actors actors;
  final TypeSpace types;
  final TheaterGraph theaters;
  final MotiveTables motives;
  final TerritorialIssues territory;
  final Relations relations;
  final Mediation mediation;
  final CasualtyTable casualties;
  final EventSchedule events;
  final QuestionSet questions;

  /** Compiles with a given casualty model and deal forecaster. */
  public static CompiledModel compile(
      Scenario scenario,
      ModelParameters parameters,
      CasualtySource casualties,
      DealForecaster forecaster) {
    return new CompiledModel(scenario, parameters, casualties, forecaster);
  }

  /** A copy in which actor {@code actor}'s motive is fixed to hypothesis {@code motive}. */
  public CompiledModel withFixedMotive(int actor, int motive) {
    if (actor < 0 || actor >= nA) {
      throw new InvalidInputException(Message.NO_MOTIVE, motive, actor);
    }
    return new CompiledModel(this, types.withFixedMotive(actor, motive));
  }

  private CompiledModel(CompiledModel o, TypeSpace types) {
    scenario = o.scenario;
    parameters = o.parameters;
    nA = o.nA;
    nT = o.nT;
    nI = o.nI;
    horizon = o.horizon;
    actorIds = o.actorIds;
    theaterIds = o.theaterIds;
    constants = o.constants;
    actors = o.actors;
    this.types = types;
    theaters = o.theaters;
    motives = o.motives;
    territory = o.territory;
    relations = o.relations;
    mediation = o.mediation;
    casualties = o.casualties;
    events = o.events;
    questions = o.questions;
  }

  private CompiledModel(
      Scenario sc, ModelParameters p, CasualtySource casualtySource, DealForecaster fc) {
    this.scenario = sc;
    this.parameters = p;
    nA = sc.actors().size();
    nT = sc.theaters().size();
    nI = sc.issues().size();
    horizon = sc.meta().horizonSteps();
    if (nA < 2) {
      throw new InvalidInputException(Message.TOO_FEW_ACTORS);
    }
    actorIds = new String[nA];
    for (int a = 0; a < nA; a++) {
      actorIds[a] = sc.actors().get(a).id();
    }
    theaterIds = new String[nT];
    for (int t = 0; t < nT; t++) {
      theaterIds[t] = sc.theaters().get(t).id();
    }
    constants = ModelConstants.from(p);
    actors = new Actors(sc, constants);
    types = new TypeSpace(sc);
    theaters = new TheaterGraph(sc, constants);
    relations = new Relations(sc);
    mediation = new Mediation(sc, relations);
    motives = new MotiveTables(sc, types, constants, fc, mediation);
    territory = new TerritorialIssues(sc, types, motives, constants);
    casualties = new CasualtyTable(sc, actors, casualtySource);
    events = new EventSchedule(sc);
    questions = new QuestionSet(sc, horizon);
  }

  /** The common spacing of ascending, equally spaced levels (two or more), else 0. */
  static double equalStep(double[] lv) {
    return TypeSpace.equalStep(lv);
  }

  // ---- public read access ----------------------------------------------------------------------

  /** The scenario compiled. */
  public Scenario scenario() {
    return scenario;
  }

  /** The parameters compiled. */
  public ModelParameters parameters() {
    return parameters;
  }

  /** Number of actors. */
  public int actorCount() {
    return nA;
  }

  /** Number of theaters. */
  public int theaterCount() {
    return nT;
  }

  /** Number of forecast questions. */
  public int questionCount() {
    return questions.count();
  }

  /** Steps simulated per run. */
  public int horizonWeeks() {
    return horizon;
  }

  /** Actor id by index. */
  public String actorId(int a) {
    return actorIds[a];
  }

  /** Theater id by index. */
  public String theaterId(int t) {
    return theaterIds[t];
  }

  /** Number of motive hypotheses of an actor. */
  public int motiveCount(int a) {
    return types.nMot(a);
  }

  /** Motive hypothesis id. */
  public String motiveId(int a, int m) {
    return types.motiveId(a, m);
  }

  /** The actor whose motive is fixed, or -1 for each actor not fixed. */
  public int fixedMotive(int a) {
    return types.fixedMotive(a);
  }

  /** Number of private types (resolve levels × motives) of an actor. */
  public int typeCount(int a) {
    return types.nTypes(a);
  }

  /** Number of resolve levels of an actor. */
  public int resolveCount(int a) {
    return types.nRes(a);
  }

  /** Resolve multiplier of level r of actor a. */
  public double resolveLevel(int a, int r) {
    return types.resLevel(a, r);
  }

  /** Resolve level index of private type k of actor a. */
  public int typeResolve(int a, int k) {
    return k / types.nMot(a);
  }

  /** Motive index of private type k of actor a. */
  public int typeMotive(int a, int k) {
    return k % types.nMot(a);
  }

  /** Index of the first principal adversary. */
  public int principalA() {
    return relations.principalA();
  }

  /** Index of the second principal adversary. */
  public int principalB() {
    return relations.principalB();
  }

  /**
   * The mediators, one line per mediated pair in actor order: who mediates between whom, its
   * credibility and leverage, the side it leans to and where it moves the deal (docs/model.md,
   * "Mediators"); empty without mediators.
   */
  public java.util.List<String> mediatorSummary() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int a = 0; a < nA; a++) {
      for (int b = a + 1; b < nA; b++) {
        int ab = a * nA + b;
        int md = mediation.mediator(ab);
        if (md < 0) {
          continue;
        }
        double beta = mediation.bias(ab);
        StringBuilder deal = new StringBuilder();
        for (int i = 0; i < nI; i++) {
          deal.append(i == 0 ? "" : ", ").append(motives.issueId(i)).append(String.format(
              java.util.Locale.ROOT, " %.1f -> %.1f", motives.focalDeal(i),
              motives.dealPoint(a, b, i)));
        }
        out.add(String.format(java.util.Locale.ROOT,
            "mediator %s between %s and %s: credibility %.2f, leverage %.2f, %s%s",
            actorIds[md], actorIds[a], actorIds[b], mediation.credibility(ab),
            mediation.leverage(ab), beta == 0 ? "no lean"
                : "leans to " + actorIds[beta > 0 ? a : b]
                    + String.format(java.util.Locale.ROOT, " (bias %.2f)", Math.abs(beta)),
            nI == 0 ? "" : "; deal " + deal));
      }
    }
    return out;
  }

  /** The no-deal status quo per issue (0–100): capability × salience weighted mean. */
  public double[] statusQuo() {
    double[] out = new double[nI];
    motives.copyStatusQuoInto(out);
    return out;
  }

  /** Focal deal per issue (0–100), from the negotiation model. */
  public double[] focalDeal() {
    double[] out = new double[nI];
    motives.copyFocalDealInto(out);
    return out;
  }
}
