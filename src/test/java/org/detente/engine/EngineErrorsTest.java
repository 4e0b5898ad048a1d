package org.detente.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.scenario.Channel;
import org.junit.jupiter.api.Test;

/** The engine's own checks speak through the message catalogue, as invalid input. */
class EngineErrorsTest {

  @Test
  void unknownOrNonFiniteParametersAreCataloguedInvalidInput() {
    InvalidInputException unknown = catchThrowableOfType(InvalidInputException.class,
        () -> ModelParameters.defaults().with("qreLamda", 4));
    assertThat(unknown.pattern()).isEqualTo(Message.UNKNOWN_NAME);
    assertThat(unknown.getMessage()).startsWith(
        "unknown model parameter 'qreLamda'; expected one of ").contains("qreLambda");

    InvalidInputException nan = catchThrowableOfType(InvalidInputException.class,
        () -> ModelParameters.defaults().with("qreLambda", Double.NaN));
    assertThat(nan.pattern()).isEqualTo(Message.NOT_FINITE);
    assertThat(nan.getMessage()).isEqualTo("parameter 'qreLambda' must be a finite number");

    InvalidInputException get = catchThrowableOfType(InvalidInputException.class,
        () -> ModelParameters.defaults().get("nope"));
    assertThat(get.pattern()).isEqualTo(Message.UNKNOWN);
    assertThat(get.getMessage()).isEqualTo("unknown model parameter 'nope'");
  }

  @Test
  void aMotiveOutOfRangeIsCataloguedInvalidInput() {
    CompiledModel m = EngineFixtures.compile(EngineFixtures.fearon(true, Channel.OPEN));
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> m.withFixedMotive(0, 99));
    assertThat(e.pattern()).isEqualTo(Message.NO_MOTIVE);
    assertThat(e.getMessage()).isEqualTo("no motive 99 for actor 0");
  }
}
