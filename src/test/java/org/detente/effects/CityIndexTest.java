package org.detente.effects;

import org.detente.geo.Geo;
import org.detente.geo.City;
import org.detente.geo.CityIndex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CityIndexTest {

  private final CityIndex world = CityIndex.world();

  @Test
  void loadsTheShippedGeoNamesCities() {
    assertThat(world.size()).isEqualTo(4442);
    assertThat(world.get(0).name()).isEqualTo("Shanghai");
  }

  @Test
  void allPlacesOfAThousandPeopleOrMoreAreShipped() {
    CityIndex all = CityIndex.allPlaces();
    assertThat(all.size()).isEqualTo(135_233);
    assertThat(all.totalPopulation()).isBetween(3_000_000_000L, 3_200_000_000L);
    assertThat(all.get(0).name()).isEqualTo("Shanghai");
    assertThat(all.search("Los Alamos", "US")).extracting(City::admin1).contains("NM");
    for (int i = 1; i < all.size(); i += 997) {
      assertThat(all.get(i).population()).isLessThanOrEqualTo(all.get(i - 1).population());
    }
  }

  @Test
  void exactSearchIsCaseAndAccentInsensitiveAndCanFilterByCountry() {
    List<City> w = world.search("warsaw", null);
    assertThat(w).hasSize(1);
    assertThat(w.get(0).country()).isEqualTo("PL");
    assertThat(w.get(0).population()).isEqualTo(1702139);
    assertThat(world.search("Sao Paulo", null)).extracting(City::name).contains("São Paulo");
    List<City> spring = world.search("Springfield", null);
    assertThat(spring.size()).isGreaterThan(1);
    assertThat(spring).allMatch(c -> c.country().equals("US"));
    assertThat(spring.get(0).population()).isGreaterThanOrEqualTo(spring.get(1).population());
    assertThat(world.search("London", "CA")).extracting(City::country).containsOnly("CA");
    assertThat(world.search("Nowhereville", null)).isEmpty();
  }

  @Test
  void suggestsNearMatches() {
    assertThat(world.suggest("Warszawa")).extracting(City::name).contains("Warsaw");
    assertThat(world.suggest("Detriot")).extracting(City::name).contains("Detroit");
    assertThat(world.suggest("Springfeld")).extracting(City::name).contains("Springfield");
  }

  @Test
  void radiusQueryMatchesABruteForceScan() {
    double lat = 52.23;
    double lon = 21.01;
    int[] got = world.within(lat, lon, 300);
    int expected = 0;
    for (int i = 0; i < world.size(); i++) {
      if (Geo.distanceKm(lat, lon, world.get(i).lat(), world.get(i).lon()) <= 300) {
        expected++;
      }
    }
    assertThat(got).hasSize(expected);
    // across the antimeridian
    int[] fiji = world.within(-18, 179.9, 2000);
    int bf = 0;
    for (int i = 0; i < world.size(); i++) {
      if (Geo.distanceKm(-18, 179.9, world.get(i).lat(), world.get(i).lon()) <= 2000) {
        bf++;
      }
    }
    assertThat(fiji).hasSize(bf);
  }
}
