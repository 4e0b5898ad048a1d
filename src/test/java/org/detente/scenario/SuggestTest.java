package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuggestTest {

  @Test
  void suggestions() {
    assertThat(Suggest.levenshtein("titel", "title")).isEqualTo(1);
    assertThat(Suggest.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggest.closest("populaton", java.util.List.of("population", "gdp"))).isEqualTo("population");
    assertThat(Suggest.closest("USA", java.util.List.of("RUS"))).isNull();
  }
}
