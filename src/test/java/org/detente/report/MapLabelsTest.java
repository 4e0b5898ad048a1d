package org.detente.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapLabelsTest {

  @Test
  void crowdedLabelsFindFreePlaces() {
    // a cluster like central Europe on a wide map: each label right of its point would cover
    // the next point or label
    double[] x = {100, 160, 130, 130, 400};
    double[] y = {100, 100, 70, 130, 100};
    List<String> labels = List.of("DEU (DEU 100.0%)", "BLR-POL (POL 100.0%)", "BLR", "UKR",
        "RUS-W");
    List<MapLabels.Placed> placed = MapLabels.place(x, y, 8, labels, 600, 300);
    List<double[]> boxes = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      boxes.add(MapLabels.box(placed.get(i), labels.get(i)));
    }
    for (int i = 0; i < boxes.size(); i++) {
      double[] b = boxes.get(i);
      assertThat(b[0]).isGreaterThanOrEqualTo(0);
      assertThat(b[2]).isLessThanOrEqualTo(600);
      for (int j = 0; j < boxes.size(); j++) {
        if (j != i) {
          assertThat(MapLabels.overlap(b, boxes.get(j))).as("%s / %s", labels.get(i),
              labels.get(j)).isZero();
        }
        assertThat(MapLabels.overlap(b, new double[] {x[j] - 8, y[j] - 8, x[j] + 8, y[j] + 8}))
            .as("%s over point %d", labels.get(i), j).isZero();
      }
    }
    // the lone point keeps the first choice, right of it
    assertThat(placed.get(4)).isEqualTo(new MapLabels.Placed(411, 104, "start"));
    // right of DEU would cover BLR-POL's point: the label went elsewhere
    assertThat(placed.get(0).anchor()).isNotEqualTo("start");
  }
}
