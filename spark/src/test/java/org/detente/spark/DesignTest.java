package org.detente.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.detente.InvalidInputException;
import org.detente.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Designs: the grid's points, and located errors for bad ranges and bad files of points. */
class DesignTest {

  @Test
  void gridCrossesEvenlySpacedLevelsAndKeepsFixedValues() {
    Design d = Design.of("grid", List.of("consultValue=0:0.1", "crisisCost=0.02",
        "warCost=1:2"), 3, 0, 1);
    assertThat(d.size()).isEqualTo(9);
    assertThat(d.names()).containsExactly("consultValue", "warCost");
    assertThat(d.params(0)).containsExactly("crisisCost=0.02", "consultValue=0.0", "warCost=1.0");
    assertThat(d.params(5)).containsExactly("crisisCost=0.02", "consultValue=0.05",
        "warCost=2.0");
    assertThat(d.value(8, 0)).isEqualTo(0.1);
  }

  @Test
  void badInputIsLocated(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Design.of("grid", List.of("consultValue=0.5:0.1"), 3, 0, 1))
        .isInstanceOf(UsageException.class).hasMessageContaining("expected LO < HI");
    assertThatThrownBy(() -> Design.of("grid", List.of("consultValu=0:1"), 3, 0, 1))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown model parameter 'consultValu'");
    Path header = dir.resolve("header.csv");
    Files.writeString(header, "consultValue,crisisCots\n0.01,0.02\n");
    assertThatThrownBy(() -> Design.of(header.toString(), List.of(), 0, 0, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(header + ":1:14: header: unknown model parameter 'crisisCots'");
    Path cell = dir.resolve("cell.csv");
    Files.writeString(cell, "consultValue,crisisCost\n0.01,0.02\n0.02,abc\n");
    assertThatThrownBy(() -> Design.of(cell.toString(), List.of(), 0, 0, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(cell + ":3:6: crisisCost: expected a finite number, got 'abc'");
    Path good = dir.resolve("good.csv");
    Files.writeString(good, "consultValue, crisisCost\n0.01,0.02\n\n0.03,0.04\n");
    Design d = Design.of(good.toString(), List.of("warCost=1.5"), 0, 0, 1);
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.params(1)).containsExactly("warCost=1.5", "consultValue=0.03",
        "crisisCost=0.04");
  }
}
