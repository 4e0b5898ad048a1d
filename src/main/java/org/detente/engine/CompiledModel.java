package org.detente.engine;

import org.detente.model.Action;
import org.detente.model.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.detente.DetenteException;
import org.detente.model.BargainProblem;
import org.detente.scenario.Actor;
import org.detente.scenario.Alliance;
import org.detente.scenario.AllianceMember;
import org.detente.scenario.Force;
import org.detente.scenario.Issue;
import org.detente.scenario.IssuePosition;
import org.detente.scenario.IssueStake;
import org.detente.scenario.Motive;
import org.detente.scenario.Question;
import org.detente.scenario.Relation;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScriptedEvent;
import org.detente.scenario.Target;
import org.detente.scenario.TargetKind;
import org.detente.scenario.Theater;
import org.detente.scenario.TheaterStake;

/**
 * A scenario and its parameters compiled for the hot loop: integer indices, primitive arrays,
 * and everything that does not change during a run computed once (motive utility tables, the
 * focal deal and its value to each actor under each motive, nuclear casualty tables per target
 * and yield). Immutable and shared by all worker threads.
 */
public final class CompiledModel {

  // ---- identity ------------------------------------------------------------------------------
  final Scenario scenario;
  final ModelParameters parameters;
  final int nA;
  final int nT;
  final int nI;
  final int horizon;
  final String[] actorIds;
  final String[] theaterIds;

  // ---- actors --------------------------------------------------------------------------------
  final double[] forces0; // [a*nT+t] thousands of troops
  final double[] eff0; // [a*nT+t]
  final int[] nsWarheads;
  final double[] nsYieldKt;
  final int[] stWarheads;
  final double[] stYieldKt;
  final int[] doctrine; // DoctrineKind ordinal
  final double[] doctrineThreshold;
  final double[] retaliation;
  final double[] riskWeight; // 2^riskAttitude
  final double[] population; // millions
  // thousands of people an actor can still call up beyond its forces at week 0: the
  // mobilisation ceiling's share of its population less those forces (0 without a population)
  final double[] reserve0;

  // ---- private types ----------------------------------------------------------------------------
  final int[] nRes;
  final int[] nMot;
  final int[] nTypes;
  final int maxTypes;
  final int maxMot;
  final double[][] resLevel;
  final double[][] resPrior;
  final double[][] motPrior;
  final double[][] typePrior; // [a][r*nMot+m]
  final int[][] typeMot; // [a][k]: motive index of type k
  final double[][] typeRes; // [a][k]: resolve level of type k
  // [a]: the spacing of a's resolve levels when there are two or more, ascending and equally
  // spaced (to 1e-9 of the spacing); 0 otherwise
  final double[] resStep;
  final String[][] motiveIds;
  final int[] fixedMotive; // -1 = sample

  // ---- motive utility tables -------------------------------------------------------------------
  final double[][] terr; // [a][m*nT+t]
  final int[][][] valued; // [a][m]: theaters t with terr[a][m*nT+t] > 0, ascending
  final double[][] priorTerr; // [a][t]: territorial value of t to a, averaged over a's motive prior
  final double[][] regimeSec; // [a][m]
  final int[][] deterActor; // [a][m]
  final double[][] deterWeight; // [a][m]
  final double[][] cohesion; // [a][m]
  final double[][] uIdeal; // [a][m] issue value at own ideal
  final double[][] uDeal; // [a][m] issue value at the focal deal
  final double[][] uSq; // [a][m] issue value at the no-deal status quo point
  final double[] statusQuo; // per issue 0..100
  final double[][] uLose; // [a][m*nA+b] issue value at b's position
  final double[][] uOfferTo; // [a][m*nA+b] a's issue value when a moves toward b
  final double[][] uYieldedTo; // [a][m*nA+b] a's issue value when b moves toward a
  final double[] focalDeal; // per issue 0..100
  final String[] issueIds;

  // ---- theaters ------------------------------------------------------------------------------
  final boolean[] adj; // [t*nT+u], symmetric, not reflexive
  final int[][] neighbours; // [t]: the theaters adjacent to t, ascending
  final int[] control0;
  final int[] home;
  final double[] terrainMult;
  final int[] homeCount; // per actor
  final int[] initialCount; // per actor: theaters controlled at week 0 or home

  // ---- targets and casualty tables -------------------------------------------------------------
  final int nTargets;
  final int[] tgtTheater;
  final int[] tgtKind; // TargetKind ordinal
  final String[] tgtName;
  final int[][] theaterTargets;
  final double[] nucDeaths; // [(k*nA+a)*2+cls] cls 0 non-strategic, 1 strategic
  final double[] nucInjuries;
  final double[] nucFallout;

  // ---- relations -----------------------------------------------------------------------------
  final double[] hostility0; // [a*nA+b]
  final double[] rhetoric0;
  final int[] channel0; // Channel ordinal
  final int[] mediator; // actor index or -1
  final double[] cred; // [c*nA+a] credibility that c defends a
  final boolean[] allied; // [a*nA+b]

  // ---- principals ----------------------------------------------------------------------------
  final int principalA;
  final int principalB;
  final int[] side; // 0 none, 1 side of A, 2 side of B

  // ---- events and questions ------------------------------------------------------------------
  final int[] evWeek;
  final int[] evActor;
  final int[] evTarget;
  final int[] evAction;
  final int[] evTheater;
  final String[] evDescription;
  final int nQ;
  final int[] qKind; // QuestionKind ordinal
  final int[] qActor;
  final int[] qTarget;
  final long[] qActions; // bit mask over Action ordinals
  final int[] qTheater;
  final int[] qOutcomes; // bit mask over Outcome ordinals
  final int[] qWithin;

  // ---- parameters, unpacked ------------------------------------------------------------------
  final double lambda;
  final double incidentRate;
  final double[] noise = new double[3];
  final double warCost;
  final double crisisCost;
  final double catastropheCost;
  final double escalationRisk;
  final double tabooCost;
  final double audienceCost;
  final double dealAudienceShare;
  final double offerShift;
  final double coercionCost;
  final double coercionPain;
  final double rhetoricGain;
  final double consultValue;
  final double hostileThreshold;
  final double goldsteinHostility;
  final double rhetoricStep;
  final double incidentHostility;
  final double lanchesterK;
  final double breakthroughRatio;
  final double killedShare;
  final double civilianRatio;
  final double mobilizeShare;
  final double attackCommit;
  final double nuclearForceKill;
  final int warheadsPerStrike;
  final double strategicSalvo;
  final double followOnRisk;
  final double allianceCredibility;
  final double proxyBoost;
  final double aidShare;

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
    if (actor < 0 || actor >= nA || motive < 0 || motive >= nMot[actor]) {
      throw new DetenteException("no motive " + motive + " for actor " + actor);
    }
    int[] f = fixedMotive.clone();
    f[actor] = motive;
    return new CompiledModel(this, f);
  }

  private CompiledModel(CompiledModel o, int[] fixed) {
    scenario = o.scenario; parameters = o.parameters; nA = o.nA; nT = o.nT; nI = o.nI;
    horizon = o.horizon; actorIds = o.actorIds; theaterIds = o.theaterIds;
    forces0 = o.forces0; eff0 = o.eff0; nsWarheads = o.nsWarheads; nsYieldKt = o.nsYieldKt;
    stWarheads = o.stWarheads; stYieldKt = o.stYieldKt; doctrine = o.doctrine;
    doctrineThreshold = o.doctrineThreshold; retaliation = o.retaliation;
    riskWeight = o.riskWeight; population = o.population; reserve0 = o.reserve0;
    nRes = o.nRes; nMot = o.nMot; nTypes = o.nTypes; maxTypes = o.maxTypes; maxMot = o.maxMot;
    resLevel = o.resLevel; resPrior = o.resPrior; motPrior = o.motPrior;
    typePrior = o.typePrior; typeMot = o.typeMot; typeRes = o.typeRes; resStep = o.resStep; motiveIds = o.motiveIds; fixedMotive = fixed;
    terr = o.terr; valued = o.valued; priorTerr = o.priorTerr; regimeSec = o.regimeSec; deterActor = o.deterActor;
    deterWeight = o.deterWeight; cohesion = o.cohesion; uIdeal = o.uIdeal; uDeal = o.uDeal; uSq = o.uSq; statusQuo = o.statusQuo;
    uLose = o.uLose; uOfferTo = o.uOfferTo; uYieldedTo = o.uYieldedTo;
    focalDeal = o.focalDeal; issueIds = o.issueIds;
    adj = o.adj; neighbours = o.neighbours; control0 = o.control0; home = o.home; terrainMult = o.terrainMult;
    homeCount = o.homeCount; initialCount = o.initialCount;
    nTargets = o.nTargets; tgtTheater = o.tgtTheater; tgtKind = o.tgtKind; tgtName = o.tgtName;
    theaterTargets = o.theaterTargets; nucDeaths = o.nucDeaths; nucInjuries = o.nucInjuries;
    nucFallout = o.nucFallout;
    hostility0 = o.hostility0; rhetoric0 = o.rhetoric0; channel0 = o.channel0;
    mediator = o.mediator; cred = o.cred; allied = o.allied;
    principalA = o.principalA; principalB = o.principalB; side = o.side;
    evWeek = o.evWeek; evActor = o.evActor; evTarget = o.evTarget; evAction = o.evAction;
    evTheater = o.evTheater;
    evDescription = o.evDescription;
    nQ = o.nQ; qKind = o.qKind; qActor = o.qActor; qTarget = o.qTarget; qActions = o.qActions;
    qTheater = o.qTheater; qOutcomes = o.qOutcomes; qWithin = o.qWithin;
    lambda = o.lambda; incidentRate = o.incidentRate;
    System.arraycopy(o.noise, 0, noise, 0, 3);
    warCost = o.warCost; crisisCost = o.crisisCost; catastropheCost = o.catastropheCost;
    escalationRisk = o.escalationRisk; tabooCost = o.tabooCost; audienceCost = o.audienceCost;
    dealAudienceShare = o.dealAudienceShare; offerShift = o.offerShift;
    coercionCost = o.coercionCost; coercionPain = o.coercionPain; rhetoricGain = o.rhetoricGain;
    consultValue = o.consultValue; hostileThreshold = o.hostileThreshold;
    goldsteinHostility = o.goldsteinHostility; rhetoricStep = o.rhetoricStep;
    incidentHostility = o.incidentHostility; lanchesterK = o.lanchesterK;
    breakthroughRatio = o.breakthroughRatio; killedShare = o.killedShare;
    civilianRatio = o.civilianRatio; mobilizeShare = o.mobilizeShare;
    attackCommit = o.attackCommit; nuclearForceKill = o.nuclearForceKill;
    warheadsPerStrike = o.warheadsPerStrike; strategicSalvo = o.strategicSalvo;
    followOnRisk = o.followOnRisk; allianceCredibility = o.allianceCredibility;
    proxyBoost = o.proxyBoost;
    aidShare = o.aidShare;
  }

  private CompiledModel(
      Scenario sc, ModelParameters p, CasualtySource casualties, DealForecaster fc) {
    this.scenario = sc;
    this.parameters = p;
    nA = sc.actors().size();
    nT = sc.theaters().size();
    nI = sc.issues().size();
    horizon = sc.meta().horizonSteps();
    if (nA < 2) {
      throw new DetenteException("a scenario needs at least two actors");
    }
    actorIds = new String[nA];
    for (int a = 0; a < nA; a++) {
      actorIds[a] = sc.actors().get(a).id();
    }
    theaterIds = new String[nT];
    for (int t = 0; t < nT; t++) {
      theaterIds[t] = sc.theaters().get(t).id();
    }

    // parameters
    lambda = p.get("qreLambda");
    incidentRate = p.get("incidentRate");
    noise[0] = p.get("noiseOpen");
    noise[1] = p.get("noiseDegraded");
    noise[2] = p.get("noiseSevered");
    warCost = p.get("warCost");
    crisisCost = p.get("crisisCost");
    catastropheCost = p.get("catastropheCost");
    escalationRisk = p.get("perceivedEscalationRisk");
    tabooCost = p.get("nuclearTabooCost");
    audienceCost = p.get("audienceCost");
    dealAudienceShare = p.get("dealAudienceShare");
    offerShift = p.get("offerShift");
    coercionCost = p.get("coercionCost");
    coercionPain = p.get("coercionPain");
    rhetoricGain = p.get("rhetoricGain");
    consultValue = p.get("consultValue");
    hostileThreshold = p.get("hostileThreshold");
    goldsteinHostility = p.get("goldsteinHostility");
    rhetoricStep = p.get("rhetoricStep");
    incidentHostility = p.get("incidentHostility");
    lanchesterK = p.get("lanchesterK");
    breakthroughRatio = p.get("breakthroughRatio");
    killedShare = p.get("killedShare");
    civilianRatio = p.get("civilianRatio");
    mobilizeShare = p.get("mobilizeShare");
    final double mobilizationCeiling = p.get("mobilizationCeiling");
    attackCommit = p.get("attackCommit");
    nuclearForceKill = p.get("nuclearForceKill");
    warheadsPerStrike = Math.max(1, (int) Math.round(p.get("warheadsPerStrike")));
    strategicSalvo = p.get("strategicSalvo");
    followOnRisk = p.get("followOnRisk");
    allianceCredibility = p.get("allianceCredibility");
    proxyBoost = p.get("proxyBoost");
    aidShare = p.get("aidShare");

    // actors
    forces0 = new double[nA * nT];
    eff0 = new double[nA * nT];
    nsWarheads = new int[nA];
    nsYieldKt = new double[nA];
    stWarheads = new int[nA];
    stYieldKt = new double[nA];
    doctrine = new int[nA];
    doctrineThreshold = new double[nA];
    retaliation = new double[nA];
    riskWeight = new double[nA];
    population = new double[nA];
    reserve0 = new double[nA];
    nRes = new int[nA];
    nMot = new int[nA];
    nTypes = new int[nA];
    resLevel = new double[nA][];
    resPrior = new double[nA][];
    motPrior = new double[nA][];
    typePrior = new double[nA][];
    typeMot = new int[nA][];
    typeRes = new double[nA][];
    resStep = new double[nA];
    motiveIds = new String[nA][];
    fixedMotive = new int[nA];
    Arrays.fill(fixedMotive, -1);
    int mt = 1;
    int mm = 1;
    for (int a = 0; a < nA; a++) {
      Actor ac = sc.actors().get(a);
      for (Force f : ac.forces()) {
        int t = theater(sc, f.theater(), "actor " + ac.id() + " forces");
        forces0[a * nT + t] += Math.max(0, f.troopsThousands());
        eff0[a * nT + t] = f.effectiveness() > 0 ? f.effectiveness() : 1.0;
      }
      nsWarheads[a] = ac.arsenal().nonStrategicWarheads();
      nsYieldKt[a] = ac.arsenal().nonStrategicYieldKt();
      stWarheads[a] = ac.arsenal().strategicWarheads();
      stYieldKt[a] = ac.arsenal().strategicYieldKt();
      doctrine[a] = ac.doctrine().firstUse().ordinal();
      doctrineThreshold[a] = ac.doctrine().threshold();
      retaliation[a] = ac.doctrine().retaliation();
      riskWeight[a] = Math.pow(2.0, Math.max(-1, Math.min(1, ac.riskAttitude())));
      population[a] = ac.populationMillions();
      double deployed = 0;
      for (int t = 0; t < nT; t++) {
        deployed += forces0[a * nT + t];
      }
      reserve0[a] = Math.max(0, mobilizationCeiling * population[a] * 1000 - deployed);
      List<Double> lv = ac.resolve() != null ? ac.resolve().levels() : List.of(1.0);
      List<Double> lp = ac.resolve() != null ? ac.resolve().prior() : List.of(1.0);
      if (lv.isEmpty()) {
        lv = List.of(1.0);
        lp = List.of(1.0);
      }
      nRes[a] = lv.size();
      resLevel[a] = lv.stream().mapToDouble(Double::doubleValue).toArray();
      resPrior[a] = normalise(lp.stream().mapToDouble(Double::doubleValue).toArray());
      resStep[a] = equalStep(resLevel[a]);
      List<Motive> ms = ac.motives();
      nMot[a] = Math.max(1, ms.size());
      motPrior[a] = new double[nMot[a]];
      motiveIds[a] = new String[nMot[a]];
      if (ms.isEmpty()) {
        motPrior[a][0] = 1;
        motiveIds[a][0] = "none";
      } else {
        for (int m = 0; m < ms.size(); m++) {
          motPrior[a][m] = ms.get(m).prior();
          motiveIds[a][m] = ms.get(m).id();
        }
        motPrior[a] = normalise(motPrior[a]);
      }
      nTypes[a] = nRes[a] * nMot[a];
      typePrior[a] = new double[nTypes[a]];
      typeMot[a] = new int[nTypes[a]];
      typeRes[a] = new double[nTypes[a]];
      for (int r = 0; r < nRes[a]; r++) {
        for (int m = 0; m < nMot[a]; m++) {
          int k = r * nMot[a] + m;
          typePrior[a][k] = resPrior[a][r] * motPrior[a][m];
          typeMot[a][k] = m;
          typeRes[a][k] = resLevel[a][r];
        }
      }
      mt = Math.max(mt, nTypes[a]);
      mm = Math.max(mm, nMot[a]);
    }
    maxTypes = mt;
    maxMot = mm;

    // theaters
    adj = new boolean[nT * nT];
    neighbours = new int[nT][];
    control0 = new int[nT];
    home = new int[nT];
    terrainMult = new double[nT];
    homeCount = new int[nA];
    initialCount = new int[nA];
    for (int t = 0; t < nT; t++) {
      Theater th = sc.theaters().get(t);
      for (String u : th.adjacent()) {
        int ui = theater(sc, u, "theater " + th.id() + " adjacency");
        if (ui != t) {
          adj[t * nT + ui] = true;
          adj[ui * nT + t] = true;
        }
      }
      control0[t] = th.control() == null ? -1 : actor(sc, th.control(), "theater " + th.id());
      home[t] = th.home() == null ? -1 : actor(sc, th.home(), "theater " + th.id() + " home");
      terrainMult[t] =
          switch (th.terrain() == null ? org.detente.scenario.Terrain.OPEN : th.terrain()) {
            case OPEN -> 1.0;
            case MIXED -> p.get("terrainMixed");
            case FOREST -> p.get("terrainForest");
            case URBAN -> p.get("terrainUrban");
            case MOUNTAIN -> p.get("terrainMountain");
            case MARITIME -> p.get("terrainMaritime");
          };
      if (home[t] >= 0) {
        homeCount[home[t]]++;
      }
      if (control0[t] >= 0) {
        initialCount[control0[t]]++;
      }
      if (home[t] >= 0 && home[t] != control0[t]) {
        initialCount[home[t]]++;
      }
    }

    for (int t = 0; t < nT; t++) {
      final int row = t * nT;
      neighbours[t] = IntStream.range(0, nT).filter(u -> adj[row + u]).toArray();
    }

    // motive tables
    terr = new double[nA][];
    regimeSec = new double[nA][];
    deterActor = new int[nA][];
    deterWeight = new double[nA][];
    cohesion = new double[nA][];
    for (int a = 0; a < nA; a++) {
      Actor ac = sc.actors().get(a);
      int k = nMot[a];
      terr[a] = new double[k * nT];
      regimeSec[a] = new double[k];
      deterActor[a] = new int[k];
      deterWeight[a] = new double[k];
      cohesion[a] = new double[k];
      Arrays.fill(deterActor[a], -1);
      for (int m = 0; m < ac.motives().size(); m++) {
        Motive mo = ac.motives().get(m);
        for (TheaterStake ts : mo.territory()) {
          int t = theater(sc, ts.theater(), "motive " + mo.id() + " territory");
          terr[a][m * nT + t] = clamp01(ts.value());
        }
        regimeSec[a][m] = clamp01(mo.regimeSecurity());
        deterActor[a][m] =
            mo.deterActor() == null ? -1 : actor(sc, mo.deterActor(), "motive " + mo.id());
        deterWeight[a][m] = clamp01(mo.deterWeight());
        cohesion[a][m] = clamp01(mo.allianceCohesion());
      }
    }
    valued = new int[nA][][];
    priorTerr = new double[nA][nT];
    for (int a = 0; a < nA; a++) {
      valued[a] = new int[nMot[a]][];
      for (int m = 0; m < nMot[a]; m++) {
        final int off = m * nT;
        final double[] tv = terr[a];
        valued[a][m] = IntStream.range(0, nT)
            .filter(t -> tv[off + t] > 0).toArray();
      }
      for (int t = 0; t < nT; t++) {
        double v = 0;
        for (int m = 0; m < nMot[a]; m++) {
          v += motPrior[a][m] * terr[a][m * nT + t];
        }
        priorTerr[a][t] = v;
      }
    }

    // issues: base positions, motive ideals, focal deal
    issueIds = new String[nI];
    double[][] basePos = new double[nA][nI];
    double[][] baseSal = new double[nA][nI];
    double[][] baseCap = new double[nA][nI];
    for (double[] r : basePos) {
      Arrays.fill(r, Double.NaN);
    }
    for (int i = 0; i < nI; i++) {
      Issue is = sc.issues().get(i);
      issueIds[i] = is.id();
      for (IssuePosition ip : is.positions()) {
        int a = actor(sc, ip.actor(), "issue " + is.id());
        basePos[a][i] = clamp(ip.position(), 0, 100);
        baseSal[a][i] = clamp(ip.salience(), 0, 100);
        baseCap[a][i] = Math.max(0, ip.capability());
      }
    }
    focalDeal = nI == 0 ? new double[0] : forecastDeal(sc, fc, basePos, baseSal, baseCap);
    statusQuo = nI == 0 ? new double[0]
        : forecastDeal(sc, DealForecaster.WEIGHTED_MEAN, basePos, baseSal, baseCap);
    double[][][] ideal = new double[nA][][];
    double[][][] sal = new double[nA][][];
    for (int a = 0; a < nA; a++) {
      ideal[a] = new double[nMot[a]][nI];
      sal[a] = new double[nMot[a]][nI];
      for (int m = 0; m < nMot[a]; m++) {
        for (int i = 0; i < nI; i++) {
          ideal[a][m][i] = Double.isNaN(basePos[a][i]) ? 50 : basePos[a][i];
          sal[a][m][i] = Double.isNaN(basePos[a][i]) ? 0 : baseSal[a][i];
        }
        if (m < sc.actors().get(a).motives().size()) {
          for (IssueStake st : sc.actors().get(a).motives().get(m).issues()) {
            int i = issue(sc, st.issue());
            ideal[a][m][i] = clamp(st.position(), 0, 100);
            sal[a][m][i] = clamp(st.salience(), 0, 100);
          }
        }
      }
    }
    uIdeal = new double[nA][];
    uDeal = new double[nA][];
    uSq = new double[nA][];
    uLose = new double[nA][];
    uOfferTo = new double[nA][];
    uYieldedTo = new double[nA][];
    double[] pt = new double[nI];
    for (int a = 0; a < nA; a++) {
      int k = nMot[a];
      uIdeal[a] = new double[k];
      uDeal[a] = new double[k];
      uSq[a] = new double[k];
      uLose[a] = new double[k * nA];
      uOfferTo[a] = new double[k * nA];
      uYieldedTo[a] = new double[k * nA];
      for (int m = 0; m < k; m++) {
        uIdeal[a][m] = issueValue(ideal[a][m], sal[a][m], ideal[a][m]);
        uDeal[a][m] = issueValue(ideal[a][m], sal[a][m], focalDeal);
        uSq[a][m] = issueValue(ideal[a][m], sal[a][m], statusQuo);
        for (int b = 0; b < nA; b++) {
          for (int i = 0; i < nI; i++) {
            pt[i] = Double.isNaN(basePos[b][i]) ? focalDeal[i] : basePos[b][i];
          }
          uLose[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
          for (int i = 0; i < nI; i++) {
            double tb = Double.isNaN(basePos[b][i]) ? focalDeal[i] : basePos[b][i];
            pt[i] = focalDeal[i] + offerShift * (tb - focalDeal[i]);
          }
          uOfferTo[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
          for (int i = 0; i < nI; i++) {
            double ta = Double.isNaN(basePos[a][i]) ? ideal[a][m][i] : basePos[a][i];
            pt[i] = focalDeal[i] + offerShift * (ta - focalDeal[i]);
          }
          uYieldedTo[a][m * nA + b] = issueValue(ideal[a][m], sal[a][m], pt);
        }
      }
    }

    // relations
    hostility0 = new double[nA * nA];
    rhetoric0 = new double[nA * nA];
    channel0 = new int[nA * nA];
    mediator = new int[nA * nA];
    Arrays.fill(mediator, -1);
    for (Relation r : sc.relations()) {
      int a = actor(sc, r.a(), "relation");
      int b = actor(sc, r.b(), "relation");
      double h = clamp01(r.hostility());
      double rh = clamp01(r.rhetoric());
      int ch = r.channel() == null ? 0 : r.channel().ordinal();
      int md = r.mediator() == null ? -1 : actor(sc, r.mediator(), "relation mediator");
      for (int[] pr : new int[][] {{a, b}, {b, a}}) {
        int ij = pr[0] * nA + pr[1];
        hostility0[ij] = h;
        rhetoric0[ij] = rh;
        channel0[ij] = ch;
        mediator[ij] = md;
      }
    }
    cred = new double[nA * nA];
    allied = new boolean[nA * nA];
    for (Alliance al : sc.alliances()) {
      for (AllianceMember c : al.members()) {
        int ci = actor(sc, c.actor(), "alliance " + al.id());
        for (AllianceMember d : al.members()) {
          int di = actor(sc, d.actor(), "alliance " + al.id());
          if (ci != di) {
            cred[ci * nA + di] = Math.max(cred[ci * nA + di], clamp01(c.credibility()));
            allied[ci * nA + di] = true;
          }
        }
      }
    }

    // principals: the most hostile pair, nuclear-armed pairs first
    int pa = 0;
    int pb = 1;
    double best = -1;
    for (int a = 0; a < nA; a++) {
      for (int b = a + 1; b < nA; b++) {
        boolean nuc = nsWarheads[a] + stWarheads[a] > 0 && nsWarheads[b] + stWarheads[b] > 0;
        double s = hostility0[a * nA + b] + (nuc ? 1.0 : 0.0);
        if (s > best + 1e-12) {
          best = s;
          pa = a;
          pb = b;
        }
      }
    }
    principalA = pa;
    principalB = pb;
    side = new int[nA];
    for (int a = 0; a < nA; a++) {
      boolean sa = a == pa || allied[a * nA + pa];
      boolean sb = a == pb || allied[a * nA + pb];
      side[a] = sa && !sb ? 1 : sb && !sa ? 2 : 0;
    }

    // targets and casualty tables (computed here, never in the hot loop)
    List<int[]> tl = new ArrayList<>();
    for (int t = 0; t < nT; t++) {
      List<Target> ts = sc.theaters().get(t).targets();
      for (int j = 0; j < ts.size(); j++) {
        tl.add(new int[] {t, j});
      }
    }
    nTargets = tl.size();
    tgtTheater = new int[nTargets];
    tgtKind = new int[nTargets];
    tgtName = new String[nTargets];
    theaterTargets = new int[nT][];
    int[] cnt = new int[nT];
    for (int k = 0; k < nTargets; k++) {
      cnt[tl.get(k)[0]]++;
    }
    for (int t = 0; t < nT; t++) {
      theaterTargets[t] = new int[cnt[t]];
      cnt[t] = 0;
    }
    nucDeaths = new double[nTargets * nA * 2];
    nucInjuries = new double[nTargets * nA * 2];
    nucFallout = new double[nTargets * nA * 2];
    for (int k = 0; k < nTargets; k++) {
      int t = tl.get(k)[0];
      Target tg = sc.theaters().get(t).targets().get(tl.get(k)[1]);
      tgtTheater[k] = t;
      tgtKind[k] = tg.kind() == null ? TargetKind.CITY.ordinal() : tg.kind().ordinal();
      tgtName[k] = tg.name();
      theaterTargets[t][cnt[t]++] = k;
      boolean air = tg.kind() != TargetKind.NUCLEAR_FORCES;
      TreeMap<Double, double[]> cache = new TreeMap<>();
      for (int a = 0; a < nA; a++) {
        for (int cls = 0; cls < 2; cls++) {
          double y = cls == 0 ? nsYieldKt[a] : stYieldKt[a];
          int idx = (k * nA + a) * 2 + cls;
          if (!(y > 0)) {
            nucDeaths[idx] = 0;
            nucInjuries[idx] = 0;
            nucFallout[idx] = 0;
            continue;
          }
          double[] r = cache.computeIfAbsent(y, yy -> estimate(casualties, tg, yy, air));
          nucDeaths[idx] = r[0];
          nucInjuries[idx] = r[1];
          nucFallout[idx] = r[2];
        }
      }
    }

    // scripted events, in week order (stable)
    List<ScriptedEvent> evs = new ArrayList<>(sc.events());
    evs.sort(Comparator.comparingInt(ScriptedEvent::week));
    int ne = evs.size();
    evWeek = new int[ne];
    evActor = new int[ne];
    evTarget = new int[ne];
    evAction = new int[ne];
    evTheater = new int[ne];
    evDescription = new String[ne];
    for (int e = 0; e < ne; e++) {
      ScriptedEvent ev = evs.get(e);
      evWeek[e] = ev.week();
      evActor[e] = actor(sc, ev.actor(), "event " + ev.id());
      evTarget[e] = ev.target() == null ? -1 : actor(sc, ev.target(), "event " + ev.id());
      Action ac = Action.byId(ev.action());
      if (ac == null) {
        throw new DetenteException("event " + ev.id() + ": unknown action '" + ev.action() + "'");
      }
      evAction[e] = ac.ordinal();
      evTheater[e] = ev.theater() == null ? -1 : theater(sc, ev.theater(), "event " + ev.id());
      evDescription[e] = ev.id() + ": " + ev.actor() + " " + ev.action()
          + (ev.target() != null ? " → " + ev.target() : "")
          + (ev.description() != null ? " (" + ev.description() + ")" : "");
    }

    // questions
    nQ = sc.questions().size();
    qKind = new int[nQ];
    qActor = new int[nQ];
    qTarget = new int[nQ];
    qActions = new long[nQ];
    qTheater = new int[nQ];
    qOutcomes = new int[nQ];
    qWithin = new int[nQ];
    for (int q = 0; q < nQ; q++) {
      Question qu = sc.questions().get(q);
      String w = "question " + qu.id();
      qKind[q] = qu.kind().ordinal();
      qActor[q] = qu.actor() == null ? -1 : actor(sc, qu.actor(), w);
      qTarget[q] = qu.target() == null ? -1 : actor(sc, qu.target(), w);
      qTheater[q] = qu.theater() == null ? -1 : theater(sc, qu.theater(), w);
      for (String s : qu.actions()) {
        Action ac = Action.byId(s);
        if (ac == null) {
          throw new DetenteException(w + ": unknown action '" + s + "'");
        }
        qActions[q] |= 1L << ac.ordinal();
      }
      for (String s : qu.outcomes()) {
        Outcome o = Outcome.byId(s);
        if (o == null) {
          throw new DetenteException(w + ": unknown outcome '" + s + "'");
        }
        qOutcomes[q] |= 1 << o.ordinal();
      }
      qWithin[q] = qu.withinWeeks() > 0 ? qu.withinWeeks() : horizon;
    }
  }

  private static double[] estimate(
      CasualtySource model, Target tg, double yieldKt, boolean air) {
    if (model == null || !Double.isFinite(tg.lat()) || !Double.isFinite(tg.lon())) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    try {
      CasualtySource.Casualties c = model.estimate(tg.lat(), tg.lon(), yieldKt, air);
      return new double[] {c.deaths(), c.injuries(), air ? 0.0 : c.falloutDeaths()};
    } catch (RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
  }

  private double[] forecastDeal(
      Scenario sc, DealForecaster fc, double[][] pos, double[][] sal, double[][] cap) {
    List<String> names = new ArrayList<>();
    List<double[]> p = new ArrayList<>();
    List<double[]> s = new ArrayList<>();
    List<Double> c = new ArrayList<>();
    for (int a = 0; a < nA; a++) {
      boolean any = false;
      double capSum = 0;
      int capN = 0;
      for (int i = 0; i < nI; i++) {
        if (!Double.isNaN(pos[a][i])) {
          any = true;
          capSum += cap[a][i];
          capN++;
        }
      }
      if (!any) {
        continue;
      }
      double[] pr = new double[nI];
      double[] sr = new double[nI];
      double tot = 0;
      for (int i = 0; i < nI; i++) {
        pr[i] = Double.isNaN(pos[a][i]) ? 50 : pos[a][i];
        sr[i] = Double.isNaN(pos[a][i]) ? 0 : sal[a][i];
        tot += sr[i];
      }
      if (tot > 100) {
        for (int i = 0; i < nI; i++) {
          sr[i] *= 100 / tot;
        }
      }
      names.add(actorIds[a]);
      p.add(pr);
      s.add(sr);
      c.add(Math.max(1e-6, capSum / capN));
    }
    double[] out = new double[nI];
    if (names.size() < 2) {
      Arrays.fill(out, 50);
      for (int i = 0; i < nI; i++) {
        if (!p.isEmpty()) {
          out[i] = p.get(0)[i];
        }
      }
      return out;
    }
    List<String> dims = Arrays.asList(issueIds);
    BargainProblem bp =
        new BargainProblem(
            sc.meta().id(), names, dims,
            c.stream().mapToDouble(Double::doubleValue).toArray(),
            p.toArray(new double[0][]), s.toArray(new double[0][]));
    double[] f = fc.forecast(bp);
    for (int i = 0; i < nI; i++) {
      out[i] = clamp(f[i], 0, 100);
    }
    return out;
  }

  private static double issueValue(double[] ideal, double[] sal, double[] point) {
    double v = 0;
    for (int i = 0; i < ideal.length; i++) {
      v += sal[i] / 100.0 * (1.0 - Math.abs(point[i] - ideal[i]) / 100.0);
    }
    return v;
  }

  /** The common spacing of ascending, equally spaced levels (two or more), else 0. */
  static double equalStep(double[] lv) {
    if (lv.length < 2) {
      return 0;
    }
    double d = lv[1] - lv[0];
    if (!(d > 0)) {
      return 0;
    }
    for (int j = 2; j < lv.length; j++) {
      if (Math.abs(lv[j] - lv[j - 1] - d) > 1e-9 * d) {
        return 0;
      }
    }
    return d;
  }

  private static double[] normalise(double[] x) {
    double s = 0;
    for (double v : x) {
      s += Math.max(0, v);
    }
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = s > 0 ? Math.max(0, x[i]) / s : 1.0 / x.length;
    }
    return r;
  }

  private static double clamp01(double v) {
    return clamp(v, 0, 1);
  }

  private static double clamp(double v, double lo, double hi) {
    return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
  }

  private static int actor(Scenario sc, String id, String where) {
    int i = sc.actorIndex(id);
    if (i < 0) {
      throw new DetenteException(where + ": unknown actor '" + id + "'");
    }
    return i;
  }

  private static int theater(Scenario sc, String id, String where) {
    int i = sc.theaterIndex(id);
    if (i < 0) {
      throw new DetenteException(where + ": unknown theater '" + id + "'");
    }
    return i;
  }

  private static int issue(Scenario sc, String id) {
    for (int i = 0; i < sc.issues().size(); i++) {
      if (sc.issues().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new DetenteException("motive issue stake: unknown issue '" + id + "'");
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
    return nQ;
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
    return nMot[a];
  }

  /** Motive hypothesis id. */
  public String motiveId(int a, int m) {
    return motiveIds[a][m];
  }

  /** The actor whose motive is fixed, or -1 for each actor not fixed. */
  public int fixedMotive(int a) {
    return fixedMotive[a];
  }

  /** Number of private types (resolve levels × motives) of an actor. */
  public int typeCount(int a) {
    return nTypes[a];
  }

  /** Number of resolve levels of an actor. */
  public int resolveCount(int a) {
    return nRes[a];
  }

  /** Resolve multiplier of level r of actor a. */
  public double resolveLevel(int a, int r) {
    return resLevel[a][r];
  }

  /** Resolve level index of private type k of actor a. */
  public int typeResolve(int a, int k) {
    return k / nMot[a];
  }

  /** Motive index of private type k of actor a. */
  public int typeMotive(int a, int k) {
    return k % nMot[a];
  }

  /** Index of the first principal adversary. */
  public int principalA() {
    return principalA;
  }

  /** Index of the second principal adversary. */
  public int principalB() {
    return principalB;
  }

  /** The no-deal status quo per issue (0–100): capability × salience weighted mean. */
  public double[] statusQuo() {
    return statusQuo.clone();
  }

  /** Focal deal per issue (0–100), from the negotiation model. */
  public double[] focalDeal() {
    return focalDeal.clone();
  }
}
