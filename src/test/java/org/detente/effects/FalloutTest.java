package org.detente.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.detente.DetenteException;
import org.junit.jupiter.api.Test;

class FalloutTest {

  private static final double MI = 1.609344;

  /**
   * H+1 dose rates (R/h) from the glasstone library's WSEG10.D_Hplus1 (E. Geist, commit 23e1e97),
   * run in its native MT / mph / statute-mile units with shear 0.23 mph/kft, wind from 270°
   * [run]: {yield Mt, ff, wind mph, x mi, y mi, dose rate}.
   */
  private static final double[][] GLASSTONE = {
    {1.0, 0.5, 15, -1, 0, 182.02919632547517},
    {1.0, 0.5, 15, 5, 0, 562.6312163780829},
    {1.0, 0.5, 15, 10, 0, 432.7092961522624},
    {1.0, 0.5, 15, 30, 0, 203.02467981894026},
    {1.0, 0.5, 15, 30, 3, 172.0557867969565},
    {1.0, 0.5, 15, 60, 5, 83.55106975196912},
    {0.1, 1.0, 25, 5, 0, 656.9198825047331},
    {0.1, 1.0, 25, 30, 3, 80.89353032465213},
    {0.1, 1.0, 25, 60, 5, 40.18093301261011},
    {10.0, 0.5, 30, -1, 0, 548.6774591897288},
    {10.0, 0.5, 30, 30, 0, 786.4282744901119},
    {10.0, 0.5, 30, 100, 0, 342.6420432519806},
  };

  @Test
  void doseRateMatchesThePeerImplementationOfHanifen1980() {
    for (double[] c : GLASSTONE) {
      Fallout f = new Fallout(c[0] * 1000, c[1], c[2] * MI, 270);
      // wind from the west: downwind is east, crosswind north (sign irrelevant)
      double got = f.doseRateH1(c[3] * MI, c[4] * MI);
      assertThat(got).as("%s", java.util.Arrays.toString(c)).isCloseTo(c[5], within(1e-4 * c[5]));
    }
  }

  @Test
  void plumeFollowsTheWind() {
    Fallout fromWest = new Fallout(500, 0.5, 24, 270);
    assertThat(fromWest.doseRateH1(50, 0)).isGreaterThan(100 * fromWest.doseRateH1(-50, 0));
    Fallout fromNorth = new Fallout(500, 0.5, 24, 0);
    assertThat(fromNorth.doseRateH1(0, -50)).isCloseTo(fromWest.doseRateH1(50, 0), within(1e-9));
  }

  @Test
  void contourPointsLieOnTheirLevelAndLowerLevelsEncloseLargerAreas() {
    Fallout f = new Fallout(1000, 0.5, 24, 300);
    double prevArea = Double.MAX_VALUE;
    for (double level : new double[] {1, 10, 100, 300}) {
      List<double[]> poly = f.contour(level, false);
      assertThat(poly).isNotEmpty();
      int onLevel = 0;
      for (double[] p : poly) {
        double v = f.doseRateH1(p[0], p[1]);
        if (Math.abs(v - level) < 0.01 * level) {
          onLevel++;
        }
      }
      assertThat(onLevel).isGreaterThan(poly.size() / 2);
      double area = Fallout.areaKm2(poly);
      assertThat(area).isLessThan(prevArea);
      prevArea = area;
    }
  }

  @Test
  void noFissionMeansNoFallout() {
    Fallout f = new Fallout(1000, 0.0, 24, 270);
    assertThat(f.doseRateH1(30, 0)).isZero();
    assertThat(f.contour(1, false)).isEmpty();
  }

  @Test
  void totalDoseUsesTheSevenTenDecayLaw() {
    Fallout f = new Fallout(1000, 0.5, 24, 270);
    // 48 km downwind: arrival after 2 h; dose to one week = 5·D1·(2^-0.2 − 168^-0.2)
    double d1 = f.doseRateH1(48, 0);
    assertThat(f.totalDoseRad(48, 0))
        .isCloseTo(5 * d1 * (Math.pow(2, -0.2) - Math.pow(168, -0.2)), within(1e-9 * d1));
  }

  @Test
  void tabulatedDoseAgreesWithTheExactFormula() {
    Fallout f = new Fallout(300, 0.5, 24, 250);
    for (double[] p : new double[][] {{5, 1}, {20, -3}, {60, 10}, {150, 5}, {-2, 0}}) {
      double[] en = f.toEastNorth(p[0], p[1]);
      double exact = f.totalDoseRad(en[0], en[1]);
      assertThat(f.totalDoseRadTabulated(en[0], en[1])).isCloseTo(exact, within(0.03 * exact + 1e-9));
    }
    double reach = f.doseReachKm(400);
    double[] beyond = f.toEastNorth(reach * 1.05, 0);
    assertThat(f.totalDoseRad(beyond[0], beyond[1])).isLessThan(400);
  }

  @Test
  void badInputsAreRejected() {
    assertThatThrownBy(() -> new Fallout(1000, 1.5, 24, 270))
        .isInstanceOf(DetenteException.class).hasMessageContaining("fission fraction");
    assertThatThrownBy(() -> new Fallout(1000, 0.5, 0, 270))
        .isInstanceOf(DetenteException.class).hasMessageContaining("wind speed");
  }
}
