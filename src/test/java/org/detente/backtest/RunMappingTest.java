package org.detente.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.detente.cli.Models;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.RunView;
import org.detente.model.Action;
import org.detente.model.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's course read as ICB's categories, on hand-made runs of the Kargil crisis (ICB 431). */
class RunMappingTest {

  @TempDir static Path tmp;

  private static CompiledModel model;
  private static RunMapping mapping;
  private static int ind;
  private static int pak;

  @BeforeAll
  static void generate() throws Exception {
    IcbFixtures.Loaded kargil = IcbFixtures.load(431, tmp);
    GeneratedCrisis g = kargil.generated();
    var sc = kargil.scenario();
    model = Models.compile(sc, org.detente.engine.ModelParameters.from(sc));
    int[] side = new int[model.actorCount()];
    for (int a = 0; a < side.length; a++) {
      side[a] = g.side().get(model.actorId(a));
    }
    ind = model.scenario().actorIndex("IND");
    pak = model.scenario().actorIndex("PAK");
    assertThat(Set.of(model.principalA(), model.principalB())).containsExactlyInAnyOrder(ind, pak);
    mapping = new RunMapping(model, side);
  }

  @Test
  void aQuietRunToTheHorizonIsAFadedStalemateWithoutViolence() {
    Fake run = new Fake(Outcome.FROZEN, 52);
    RunMapping.Mapped m = mapping.map(run);
    assertThat(m).isEqualTo(new RunMapping.Mapped(0, 3, 3, 2, 2));
  }

  @Test
  void aCrisisThatFadedInWeekSixIsAShortFadedStalemate() {
    Fake run = new Fake(Outcome.FROZEN, 6);
    RunMapping.Mapped m = mapping.map(run);
    // faded; 42 days: the second band (32-91 days); stalemate for both
    assertThat(m).isEqualTo(new RunMapping.Mapped(0, 3, 1, 2, 2));
  }

  @Test
  void anAgreementInWeekThreeIsAShortCompromiseAfterAMinorClash() {
    Fake run = new Fake(Outcome.SETTLEMENT, 3);
    run.event(1, pak, ind, Action.INCIDENT);
    run.event(3, ind, pak, Action.AGREEMENT);
    RunMapping.Mapped m = mapping.map(run);
    // violence: minor clashes; form: agreement; 21 days: first band; both compromise
    assertThat(m).isEqualTo(new RunMapping.Mapped(1, 0, 0, 1, 1));
  }

  @Test
  void aConcessionThatStandsIsAUnilateralActWithAWinnerAndALoser() {
    Fake run = new Fake(Outcome.SETTLEMENT, 8);
    run.event(2, ind, pak, Action.ATTACK);
    run.deaths[pak] = 400;
    run.event(8, pak, ind, Action.CONCEDE);
    run.event(8, pak, ind, Action.AGREEMENT);
    RunMapping.Mapped m = mapping.map(run);
    int sidePak = m.side1Outcome() == 3 ? 1 : 2;
    // serious clashes (an attack, under 1,000 deaths); unilateral; 56 days; PAK's side defeated
    assertThat(m.violence()).isEqualTo(2);
    assertThat(m.form()).isEqualTo(1);
    assertThat(m.duration()).isEqualTo(1);
    assertThat(sidePak == 1 ? m.side2Outcome() : m.side1Outcome()).isZero();
  }

  @Test
  void groundTakenInAWarOfThousandsIsAUnilateralAct() {
    Fake run = new Fake(Outcome.CONVENTIONAL_WAR, 52);
    int t = model.scenario().theaterIndex("PAK");
    run.event(5, ind, pak, Action.ATTACK);
    run.event(20, ind, pak, Action.ATTACK);
    run.deaths[pak] = 3000;
    run.controller[t] = ind;
    RunMapping.Mapped m = mapping.map(run);
    assertThat(m.violence()).isEqualTo(3);
    // ICB's code for a conquest held to the end (Barbarossa, Cyprus 1974): unilateral act
    assertThat(m.form()).isEqualTo(1);
    assertThat(m.side1Outcome() + m.side2Outcome()).isEqualTo(3); // a victor and a defeated
    assertThat(m.duration()).isEqualTo(2); // last attack in week 20: 140 days
  }

  @Test
  void anAttackThatKillsFewerThanUcdpsTwentyFiveIsAMinorClash() {
    Fake run = new Fake(Outcome.CONVENTIONAL_WAR, 52);
    run.event(0, ind, pak, Action.ATTACK);
    run.deaths[pak] = 24;
    assertThat(mapping.map(run).violence()).isEqualTo(1);
    run.deaths[pak] = 25;
    assertThat(mapping.map(run).violence()).isEqualTo(2);
    run.deaths[pak] = 999;
    assertThat(mapping.map(run).violence()).isEqualTo(2);
    run.deaths[pak] = 1000;
    assertThat(mapping.map(run).violence()).isEqualTo(3);
  }

  @Test
  void aWarEndedByACeasefireAndThenADealEndsAtTheDealAsACompromise() {
    // the outcome class of a run with a war is the war, but the deal after it ended the crisis
    Fake run = new Fake(Outcome.CONVENTIONAL_WAR, 9);
    run.settled = true;
    run.event(0, pak, ind, Action.ATTACK);
    run.deaths[ind] = 30;
    run.event(1, ind, pak, Action.NEGOTIATE);
    run.event(1, ind, pak, Action.CEASEFIRE); // the ceasefire bound at the accepted proposal
    run.event(9, ind, pak, Action.AGREEMENT); // the talks on its terms found the formula
    RunMapping.Mapped m = mapping.map(run);
    // serious clashes; agreement; 63 days: second band; both compromise
    assertThat(m).isEqualTo(new RunMapping.Mapped(2, 0, 1, 1, 1));
  }

  @Test
  void aCeasefireWhoseTermsWereNeverAgreedEndsTheCrisisAtTheCeasefire() {
    Fake run = new Fake(Outcome.CONVENTIONAL_WAR, 52);
    run.event(0, pak, ind, Action.ATTACK);
    run.event(2, ind, pak, Action.OFFER);
    run.event(2, ind, pak, Action.CEASEFIRE);
    RunMapping.Mapped m = mapping.map(run);
    // minor clash; the ceasefire is an agreement (ICB: formal); 14 days; stalemate
    assertThat(m).isEqualTo(new RunMapping.Mapped(1, 0, 0, 2, 2));
  }

  @Test
  void aWarStoppedInTheWeekItBeganWithNoDealIsAUnilateralAct() {
    // a raid: the side struck proposes a ceasefire the same week, the striker accepts, no deal
    Fake run = new Fake(Outcome.CONVENTIONAL_WAR, 52);
    run.event(0, pak, ind, Action.ATTACK);
    run.event(0, ind, pak, Action.CEASEFIRE);
    run.event(0, ind, pak, Action.CEASEFIRE); // bound
    run.deaths[ind] = 40;
    RunMapping.Mapped m = mapping.map(run);
    // serious clashes; unilateral act; ended in the first week; a stalemate for both
    assertThat(m).isEqualTo(new RunMapping.Mapped(2, 1, 0, 2, 2));
    // a ceasefire refused that week and agreed a week later is an agreement
    Fake later = new Fake(Outcome.CONVENTIONAL_WAR, 52);
    later.event(0, pak, ind, Action.ATTACK);
    later.event(0, ind, pak, Action.CEASEFIRE);
    later.event(0, pak, ind, Action.REJECT);
    later.event(1, ind, pak, Action.CEASEFIRE);
    later.event(1, ind, pak, Action.CEASEFIRE);
    assertThat(mapping.map(later).form()).isZero();
    // a new attack in a later week, stopped at once, is a halt again
    later.event(5, pak, ind, Action.ATTACK);
    later.event(5, ind, pak, Action.NEGOTIATE);
    later.event(5, ind, pak, Action.CEASEFIRE);
    assertThat(mapping.map(later).form()).isEqualTo(1);
    assertThat(mapping.map(later).duration()).isEqualTo(1); // 35 days
    // a war fought for three weeks, with an offensive in the week of its ceasefire, is no raid
    Fake war = new Fake(Outcome.CONVENTIONAL_WAR, 52);
    for (int w = 0; w <= 3; w++) {
      war.event(w, pak, ind, Action.ATTACK);
    }
    war.event(3, ind, pak, Action.CEASEFIRE);
    war.event(3, ind, pak, Action.CEASEFIRE);
    assertThat(mapping.map(war).form()).isZero();
  }

  @Test
  void aConcessionAfterAWarIsAUnilateralActNotAnAgreement() {
    Fake run = new Fake(Outcome.CONVENTIONAL_WAR, 4);
    run.settled = true;
    run.event(0, ind, pak, Action.ATTACK);
    run.event(4, pak, ind, Action.CONCEDE);
    run.event(4, pak, ind, Action.AGREEMENT);
    RunMapping.Mapped m = mapping.map(run);
    assertThat(m.form()).isEqualTo(1);
    assertThat(m.duration()).isZero();
    assertThat(m.side1Outcome() + m.side2Outcome()).isEqualTo(3);
  }

  /** A hand-made run of the model. */
  private static final class Fake implements RunView {
    final Outcome outcome;
    final int end;
    // whether a deal of the principals ended it; by default, a settlement's outcome class
    boolean settled;
    final List<int[]> events = new ArrayList<>();
    final double[] deaths = new double[model.actorCount()];
    final int[] controller = new int[model.theaterCount()];

    Fake(Outcome outcome, int end) {
      this.outcome = outcome;
      this.end = end;
      this.settled = outcome == Outcome.SETTLEMENT;
      for (int t = 0; t < controller.length; t++) {
        controller[t] = model.scenario().actorIndex(model.scenario().theaters().get(t).control());
      }
    }

    void event(int week, int actor, int target, Action a) {
      events.add(new int[] {week, actor, target, a.ordinal()});
    }

    @Override
    public int runIndex() {
      return 0;
    }

    @Override
    public long seed() {
      return 0;
    }

    @Override
    public Outcome outcome() {
      return outcome;
    }

    @Override
    public boolean settled() {
      return settled;
    }

    @Override
    public int highestRung() {
      int h = 0;
      for (int[] e : events) {
        h = Math.max(h, Action.of(e[3]).rung());
      }
      return h;
    }

    @Override
    public int endWeek() {
      return end;
    }

    @Override
    public int firstWeekOfRung(int rung) {
      return -1;
    }

    @Override
    public boolean question(int q) {
      return false;
    }

    @Override
    public double deaths(int actor, CasualtyKind kind) {
      return kind == CasualtyKind.MILITARY ? deaths[actor] : 0;
    }

    @Override
    public int finalController(int theater) {
      return controller[theater];
    }

    @Override
    public int motive(int actor) {
      return 0;
    }

    @Override
    public int eventCount() {
      return events.size();
    }

    @Override
    public int eventWeek(int i) {
      return events.get(i)[0];
    }

    @Override
    public int eventActor(int i) {
      return events.get(i)[1];
    }

    @Override
    public int eventTarget(int i) {
      return events.get(i)[2];
    }

    @Override
    public Action eventAction(int i) {
      return Action.of(events.get(i)[3]);
    }

    @Override
    public int eventTheater(int i) {
      return -1;
    }

    @Override
    public int[] decisionStats() {
      return new int[4];
    }
  }
}
