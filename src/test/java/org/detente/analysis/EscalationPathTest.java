package org.detente.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.detente.model.Action;
import org.junit.jupiter.api.Test;

class EscalationPathTest {

  @Test
  void pathIsEachNewHighestRungInEventOrder() {
    // both runs reach war in week 0; only the order of their events tells them apart
    SyntheticRun threats = new SyntheticRun().event(0, 0, 1, Action.INSULT, -1)
        .event(0, 0, 1, Action.CONSULT, -1).event(0, 0, 1, Action.THREATEN, -1)
        .event(0, 1, 0, Action.INSULT, -1).event(0, 0, 1, Action.ATTACK, 0);
    SyntheticRun posture = new SyntheticRun().event(0, 0, 1, Action.INSULT, -1)
        .event(0, 0, 1, Action.MOBILIZE, 0).event(0, 0, 1, Action.ATTACK, 0);
    assertThat(EscalationPath.name(EscalationPath.of(threats))).isEqualTo("1>2>5");
    assertThat(EscalationPath.name(EscalationPath.of(posture))).isEqualTo("1>4>5");
    SyntheticRun calm = new SyntheticRun().event(2, 0, 1, Action.CONSULT, -1);
    assertThat(EscalationPath.name(EscalationPath.of(calm))).isEqualTo("0");
    assertThat(EscalationPath.name(EscalationPath.of(new SyntheticRun()))).isEqualTo("none");
    assertThat(EscalationPath.parse("1>4>5")).containsExactly(1, 4, 5);
    assertThat(EscalationPath.parse("none")).isEmpty();
  }

  @Test
  void aLogCutAtItsCapacityEndsOnTheHighestRungWeekByWeek() {
    SyntheticRun full = new SyntheticRun().event(0, 0, 1, Action.INSULT, -1)
        .event(0, 0, 1, Action.THREATEN, -1).event(3, 0, 1, Action.MOBILIZE, 0)
        .event(3, 0, 1, Action.ATTACK, 0).event(9, 0, 1, Action.NUCLEAR_STRIKE_FORCES, 0);
    assertThat(EscalationPath.name(EscalationPath.of(full))).isEqualTo("1>2>4>5>7");
    // the same run whose log kept only its first two events: week 3 ends on rung 5
    SyntheticRun cut = new SyntheticRun() {
      @Override
      public int eventCount() {
        return 2;
      }
    };
    cut.events.addAll(full.events);
    long key = EscalationPath.of(cut);
    assertThat(EscalationPath.name(key)).isEqualTo("1>2>5>7");
    int[] rungs = EscalationPath.rungs(key);
    assertThat(rungs[rungs.length - 1]).isEqualTo(cut.highestRung());
  }
}
