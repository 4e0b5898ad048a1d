package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenarios shipped in scenarios/ validate, load, and their policies change what they say. */
class BundledScenariosTest {

  static final Path US_RUSSIA = Path.of("scenarios/us-russia-2022.yaml");
  static final Path CUBA = Path.of("scenarios/cuban-missile-crisis-1962.yaml");

  static Relation relation(Scenario s, String a, String b) {
    return s.relations().stream()
        .filter(r -> (r.a().equals(a) && r.b().equals(b)) || (r.a().equals(b) && r.b().equals(a)))
        .findFirst().orElseThrow();
  }

  @Test
  void bothValidateWithEveryPolicy() {
    assertThat(ScenarioLoader.validate(US_RUSSIA)).isEmpty();
    assertThat(ScenarioLoader.validate(CUBA)).isEmpty();
  }

  @Test
  void usRussiaLoads() {
    Scenario s = ScenarioLoader.load(US_RUSSIA, List.of());
    assertThat(s.meta().id()).isEqualTo("us-russia-2022");
    assertThat(s.meta().asOf()).hasToString("2022-03-21");
    assertThat(s.meta().horizonSteps()).isEqualTo(104);
    assertThat(s.meta().stepDays()).isEqualTo(7);
    assertThat(s.actors()).extracting(Actor::id).contains(
        "USA", "RUS", "CHN", "UKR", "BLR", "POL", "DEU", "FRA", "GBR", "NATO", "JPN", "KOR",
        "IND", "AUS", "CASIA");
    assertThat(s.actors().get(s.actorIndex("NATO")).kind()).isEqualTo(ActorKind.ALLIANCE);
    assertThat(s.actors().get(s.actorIndex("CASIA")).kind()).isEqualTo(ActorKind.REGION);
    assertThat(s.theaters()).extracting(Theater::id).contains(
        "UKR", "BLR-POL", "DEU", "FRA", "GBR", "SIB", "CASIA");
    assertThat(s.theaters()).hasSize(11);
    assertThat(s.policies()).extracting(Policy::id)
        .containsExactly("open-channel", "no-insults", "asian-alliance");
    assertThat(s.questions()).extracting(Question::id).contains(
        "nuclear-use-poland", "invade-poland-from-belarus", "advance-germany", "advance-france",
        "advance-uk", "nato-russia-war", "china-attacks-siberia", "china-attacks-central-asia",
        "us-russia-rupture");
    Actor rus = s.actors().get(s.actorIndex("RUS"));
    assertThat(rus.arsenal()).isEqualTo(new Arsenal(1588, 400, 1912, 10));
    assertThat(rus.motives()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(rus.motives().stream().mapToDouble(Motive::prior).sum()).isCloseTo(1.0,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(rus.motives().get(0).id()).isEqualTo("conquer-europe");
    assertThat(rus.motives().get(0).deterActor()).isEqualTo("CHN");
    assertThat(rus.motives().get(0).description()).contains("Bartfeld");
    assertThat(rus.forces()).contains(new Force("UKR", 190.0, 1.0));
    Relation usRus = relation(s, "USA", "RUS");
    assertThat(usRus.channel()).isEqualTo(Channel.DEGRADED);
    assertThat(s.events()).extracting(ScriptedEvent::id)
        .startsWith("thug-insult", "rupture-warning");
    assertThat(s.events().get(0).action()).isEqualTo("insult");
    assertThat(s.events().get(1).action()).isEqualTo("threaten-break-relations");
    // every target has coordinates
    s.theaters().forEach(t -> t.targets().forEach(x -> {
      assertThat(x.lat()).isBetween(-90.0, 90.0);
      assertThat(x.lon()).isBetween(-180.0, 180.0);
    }));
  }

  @Test
  void usRussiaPoliciesHaveVisibleEffects() {
    Scenario open = ScenarioLoader.load(US_RUSSIA, List.of("open-channel"));
    assertThat(relation(open, "USA", "RUS").channel()).isEqualTo(Channel.OPEN);
    assertThat(open.meta().appliedPolicies()).containsExactly("open-channel");

    Scenario polite = ScenarioLoader.load(US_RUSSIA, List.of("no-insults"));
    assertThat(polite.events()).extracting(ScriptedEvent::id)
        .doesNotContain("thug-insult", "rupture-warning");
    assertThat(relation(polite, "USA", "RUS").rhetoric()).isEqualTo(0.5);
    assertThat(relation(polite, "USA", "RUS").channel()).isEqualTo(Channel.DEGRADED);

    Scenario asia = ScenarioLoader.load(US_RUSSIA, List.of("asian-alliance"));
    assertThat(asia.alliances()).extracting(Alliance::id).contains("ASIA-DEF");
    Alliance a = asia.alliances().get(asia.alliances().size() - 1);
    assertThat(a.members()).extracting(AllianceMember::actor)
        .contains("USA", "RUS", "JPN", "KOR", "IND", "AUS");

    Scenario all = ScenarioLoader.load(US_RUSSIA,
        List.of("open-channel", "no-insults", "asian-alliance"));
    assertThat(all.meta().appliedPolicies())
        .containsExactly("open-channel", "no-insults", "asian-alliance");
    assertThat(relation(all, "USA", "RUS").channel()).isEqualTo(Channel.OPEN);
    assertThat(all.alliances()).hasSize(3);
  }

  @Test
  void cubaLoadsWithPolicies() {
    Scenario s = ScenarioLoader.load(CUBA, List.of());
    assertThat(s.meta().asOf()).hasToString("1962-10-16");
    assertThat(s.meta().horizonSteps()).isEqualTo(13);
    assertThat(s.actors()).extracting(Actor::id).containsExactly("USA", "SUN", "CUB", "TUR");
    assertThat(s.actors().get(0).arsenal().strategicWarheads()).isEqualTo(3500);
    assertThat(s.actors().get(1).arsenal().strategicWarheads()).isEqualTo(300);
    assertThat(s.actors().get(0).arsenal().strategicYieldKt()).isEqualTo(1000.0);
    assertThat(relation(s, "USA", "SUN").channel()).isEqualTo(Channel.OPEN);
    assertThat(s.questions()).extracting(Question::id)
        .contains("deal-within-4-weeks", "any-nuclear-use", "us-invades-cuba");
    assertThat(s.questions().get(0).withinWeeks()).isEqualTo(4);

    Scenario noBack = ScenarioLoader.load(CUBA, List.of("no-back-channel"));
    assertThat(relation(noBack, "USA", "SUN").channel()).isEqualTo(Channel.SEVERED);

    Scenario strike = ScenarioLoader.load(CUBA, List.of("air-strike"));
    assertThat(strike.events()).extracting(ScriptedEvent::id)
        .doesNotContain("quarantine").contains("air-strike");
  }
}
