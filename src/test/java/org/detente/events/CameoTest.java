package org.detente.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.detente.model.Action;
import org.junit.jupiter.api.Test;

/** The codebook facts the readers rely on. */
class CameoTest {

  @Test
  void quadClassesFollowGdeltsRule() {
    // GDELT Event Codebook V2.0, QuadClass: 01-05, 06-09, 10-14, 15-20
    int[] expected = {1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4};
    for (int r = 1; r <= 20; r++) {
      assertThat(Cameo.quadOfRoot(r)).as("root %d", r).isEqualTo(expected[r - 1]);
    }
  }

  @Test
  void rootsAndLeadingZeros() {
    assertThat(Cameo.rootOf("0874")).isEqualTo(8);
    assertThat(Cameo.rootOf("20")).isEqualTo(20);
    assertThat(Cameo.rootOf("21")).isEqualTo(-1);
    assertThat(Cameo.rootOf("0")).isEqualTo(-1);
    assertThat(Cameo.rootOf("1x0")).isEqualTo(-1);
    assertThat(Cameo.restoreLeadingZero("42")).isEqualTo("042");
    assertThat(Cameo.restoreLeadingZero("423")).isEqualTo("0423");
    assertThat(Cameo.restoreLeadingZero("190")).isEqualTo("190");
    assertThat(Cameo.restoreLeadingZero("14")).isEqualTo("14");
    assertThat(Cameo.restoreLeadingZero("1384")).isEqualTo("1384");
  }

  /** Every action with a CAMEO code is among the actions its root stands for. */
  @Test
  void everyCodedActionIsReachableFromItsRoot() {
    for (Action a : Action.values()) {
      if (a.cameo() == null) {
        continue;
      }
      int root = Cameo.rootOf(a.cameo());
      assertThat(Cameo.actionsOfRoot(root)).as("%s (%s)", a.id(), a.cameo()).contains(a);
    }
  }

  @Test
  void ploverTypesHaveRootsQuadsAndScores() {
    for (String t : new String[] {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
        "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
        "COERCE", "ASSAULT"}) {
      int root = Cameo.rootOfPlover(t, null);
      assertThat(root).as(t).isBetween(1, 20);
      assertThat(Cameo.quadOfPlover(t)).as(t).isBetween(1, 4);
      assertThat(Cameo.ploverScore(t)).as(t).isBetween(-10.0, 10.0);
      // PLOVER's quad and GDELT's agree except for CONCEDE (verbal in PLOVER, root 08
      // material) and PROTEST (material in PLOVER, root 14 verbal)
      if (!t.equals("CONCEDE") && !t.equals("PROTEST")) {
        assertThat(Cameo.quadOfPlover(t)).as(t).isEqualTo(Cameo.quadOfRoot(root));
      }
    }
    assertThat(Cameo.rootOfPlover("ASSAULT", "unconventional")).isEqualTo(20);
    assertThat(Cameo.rootOfPlover("ASSAULT", "heavy-weapons")).isEqualTo(19);
    assertThat(Cameo.rootOfPlover("ASSAULT", "abduct")).isEqualTo(18);
  }
}
