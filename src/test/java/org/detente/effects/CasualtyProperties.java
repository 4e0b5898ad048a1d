package org.detente.effects;

import org.detente.geo.City;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class CasualtyProperties {

  private static final NuclearCasualtyModel MODEL = NuclearCasualtyModel.loadDefault();

  @Property(tries = 15)
  void promptDeathsGrowWithYield(
      @ForAll @IntRange(min = 0, max = 800) int cityIdx,
      @ForAll @DoubleRange(min = 1, max = 3000) double yieldKt,
      @ForAll @DoubleRange(min = -0.05, max = 0.05) double offsetDeg) {
    City c = MODEL.cities().get(cityIdx);
    Detonation small = Detonation.of(c.lat() + offsetDeg, c.lon(), Burst.surface(yieldKt));
    Detonation big = Detonation.of(c.lat() + offsetDeg, c.lon(), Burst.surface(yieldKt * 1.5));
    double d1 = MODEL.attack(List.of(small)).deaths();
    double d2 = MODEL.attack(List.of(big)).deaths();
    assertThat(d2).isGreaterThanOrEqualTo(0.99 * d1);
  }

  @Property(tries = 40)
  void casualtiesNeverExceedThePopulationAround(
      @ForAll @IntRange(min = 0, max = 800) int cityIdx,
      @ForAll @DoubleRange(min = 10, max = 20000) double yieldKt,
      @ForAll @DoubleRange(min = -0.1, max = 0.1) double offsetDeg,
      @ForAll boolean air) {
    City c = MODEL.cities().get(cityIdx);
    Burst b = air ? Burst.optimumAir(yieldKt) : Burst.surface(yieldKt);
    AttackCasualties a = MODEL.attack(List.of(Detonation.of(c.lat() + offsetDeg, c.lon(), b)));
    double people = 0;
    for (CityCasualties cc : a.cities()) {
      people += cc.city().population();
    }
    assertThat(a.deaths() + a.injuries() + a.falloutDeaths())
        .isLessThanOrEqualTo(people * (1 + 1e-9));
    for (CityCasualties cc : a.cities()) {
      // every place, however small against the grid cells, loses at most its own people
      assertThat(cc.deaths() + cc.injuries() + cc.falloutDeaths())
          .isLessThanOrEqualTo(cc.city().population() * (1 + 1e-9));
    }
    double sumCities = a.cities().stream().mapToDouble(CityCasualties::deaths).sum();
    assertThat(sumCities).isCloseTo(a.deaths(), org.assertj.core.data.Offset.offset(1e-6 * a.deaths() + 1));
  }
}
