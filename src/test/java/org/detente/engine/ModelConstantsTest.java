package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.detente.model.ParameterCatalog;
import org.junit.jupiter.api.Test;

/** The typed constants: one key per catalogue parameter, each read from its own entry. */
class ModelConstantsTest {

  @Test
  void everyCatalogueParameterHasExactlyOneKeyAndOneConstant() {
    assertThat(Arrays.stream(ModelConstants.Key.values()).map(ModelConstants.Key::catalogueName))
        .containsExactlyInAnyOrderElementsOf(ParameterCatalog.names());
    assertThat(ModelConstants.class.getRecordComponents())
        .hasSize(ModelConstants.Key.values().length);
  }

  @Test
  void eachConstantIsReadFromItsOwnParameter() {
    ModelParameters p = ModelParameters.defaults();
    int i = 0;
    for (ModelConstants.Key k : ModelConstants.Key.values()) {
      // a distinct value per parameter: a constant read from another key would show it
      p = p.with(k.catalogueName(), 1000 + i++);
    }
    ModelConstants c = ModelConstants.from(p);
    i = 0;
    for (ModelConstants.Key k : ModelConstants.Key.values()) {
      var component = ModelConstants.class.getRecordComponents()[i];
      double expected = 1000 + i++;
      Object value;
      try {
        value = component.getAccessor().invoke(c);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      assertThat(((Number) value).doubleValue()).as(k.catalogueName()).isEqualTo(expected);
    }
    assertThat(c.noise(RunState.OPEN)).isEqualTo(c.noiseOpen());
    assertThat(c.noise(RunState.DEGRADED)).isEqualTo(c.noiseDegraded());
    assertThat(c.noise(RunState.SEVERED)).isEqualTo(c.noiseSevered());
  }

  @Test
  void warheadsPerStrikeIsAWholeNumberOfAtLeastOne() {
    ModelParameters p = ModelParameters.defaults();
    assertThat(ModelConstants.from(p.with("warheadsPerStrike", 2.6)).warheadsPerStrike())
        .isEqualTo(3);
    assertThat(ModelConstants.from(p.with("warheadsPerStrike", 0)).warheadsPerStrike())
        .isEqualTo(1);
  }
}
