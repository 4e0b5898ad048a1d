package org.detente.effects;

import java.util.ArrayList;
import java.util.List;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * Local fallout of a surface burst from the WSEG-10 model as documented by D. W. Hanifen,
 * <i>Documentation and Analysis of the WSEG-10 Fallout Prediction Model</i>, AFIT thesis
 * GNE/PH/80M-4 (1980). Native units: yield W in Mt, wind v in mph, shear s in mph/kft, distances
 * in statute miles, x downwind along the hotline and y crosswind:
 *
 * <pre>
 * d = ln W + 2.42;  H_c = 44 + 6.1 ln W − 0.205|d|d (kft);  σ₀ = exp(0.7 + ln W/3 − 3.25/(4 + (ln W + 5.4)²))
 * σ_h = 0.18 H_c;  T_c = 1.0573203[12(H_c/60) − 2.5(H_c/60)²][1 − 0.5 exp(−(H_c/25)²)] (h)
 * L₀ = v T_c;  σ_x² = σ₀²(L₀² + 8σ₀²)/(L₀² + 2σ₀²);  L² = L₀² + 2σ_x²;  n = (ff L₀² + σ_x²)/(L₀² + 0.5σ_x²)
 * α₁ = 1/(1 + 0.001 H_c v/σ₀);  g(x) = exp(−(|x|/L)ⁿ)/(L Γ(1 + 1/n));  φ(x) = Φ((L₀/L)·x/(σ_x α₁))
 * σ_y² = σ₀² + 8|x + 2σ_x|σ₀²/L + 2(σ_x T_c σ_h s)²/L² + ((x + 2σ_x) L₀ T_c σ_h s)²/L⁴
 * α₂ = 1/(1 + (0.001 H_c v/σ₀)(1 − Φ(2x/v)))
 * Ḋ₁(x, y) = 2·10⁶ W ff φ(x) g(x) · exp(−½(y/(α₂σ_y))²)/(√(2π) σ_y)     [R/h at H+1]
 * </pre>
 *
 * Ḋ₁ is the H+1 dose rate of all the activity that will come down at the point (1 R ≈ 1 rad ≈
 * 1 rem for gamma rays). The accumulated dose from arrival t_a to t_b follows the t^{−1.2} decay
 * law of Glasstone &amp; Dolan (1977) §9.145–9.150: D = 5Ḋ₁(t_a^{−0.2} − t_b^{−0.2}); we take
 * t_a = max(0.5 h, x/v) (downwind travel time, at least half an hour) and t_b = one week.
 */
public final class Fallout {

  /** Default wind shear, mph per kft (WSEG-10 examples; typical mid-latitude value). */
  public static final double DEFAULT_SHEAR_MPH_PER_KFT = 0.23;
  /** End of the dose integration, hours after burst (one week). */
  public static final double DOSE_END_H = 168.0;

  private static final double KM_PER_MI = 1.609344;
  private static final double END_DECAY = Math.pow(DOSE_END_H, -0.2);

  private final double yieldKt;
  private final double fissionFraction;
  private final double windKmh;
  private final double windFromDeg;
  private final double toSin;
  private final double toCos;
  private final double w; // Mt
  private final double v; // mph
  private final double s;
  private final double hc;
  private final double s0;
  private final double s02;
  private final double sh;
  private final double tc;
  private final double l0;
  private final double l02;
  private final double sx;
  private final double sx2;
  private final double l;
  private final double l2;
  private final double n;
  private final double a1;
  private final double gammaNorm;
  private final double cAlpha2;

  /**
   * A WSEG-10 fallout field.
   *
   * @param yieldKt         total yield, kt
   * @param fissionFraction fission fraction, 0–1
   * @param windKmh         effective fallout wind speed, km/h (&gt; 0)
   * @param windFromDeg     direction the wind blows from, degrees clockwise from north
   * @param shearMphPerKft  wind shear, mph per kft
   */
  public Fallout(double yieldKt, double fissionFraction, double windKmh, double windFromDeg,
      double shearMphPerKft) {
    Ranges.checkYield(yieldKt);
    Ranges.checkFissionFraction(fissionFraction);
    if (!(windKmh >= 1 && windKmh <= 300)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "wind speed", "1 km/h", "300 km/h", windKmh + " km/h");
    }
    if (!Double.isFinite(windFromDeg)) {
      throw new InvalidInputException(Message.OPTION_PROBLEM, "wind direction", "expected a number of degrees");
    }
    if (!(shearMphPerKft >= 0 && shearMphPerKft <= 10)) {
      throw new InvalidInputException(Message.OUT_OF_RANGE, "wind shear (mph/kft)", 0, 10, shearMphPerKft);
    }
    this.yieldKt = yieldKt;
    this.fissionFraction = fissionFraction;
    this.windKmh = windKmh;
    this.windFromDeg = windFromDeg;
    double to = Math.toRadians(windFromDeg + 180.0);
    toSin = Math.sin(to);
    toCos = Math.cos(to);
    w = yieldKt / 1000.0;
    v = windKmh / KM_PER_MI;
    s = shearMphPerKft;
    double lnW = Math.log(w);
    double d = lnW + 2.42;
    hc = 44 + 6.1 * lnW - 0.205 * Math.abs(d) * d;
    s0 = Math.exp(0.7 + lnW / 3 - 3.25 / (4.0 + (lnW + 5.4) * (lnW + 5.4)));
    s02 = s0 * s0;
    sh = 0.18 * hc;
    double hr = hc / 60.0;
    tc = 1.0573203 * (12 * hr - 2.5 * hr * hr) * (1 - 0.5 * Math.exp(-(hc / 25) * (hc / 25)));
    l0 = v * tc;
    l02 = l0 * l0;
    sx2 = s02 * (l02 + 8 * s02) / (l02 + 2 * s02);
    sx = Math.sqrt(sx2);
    l2 = l02 + 2 * sx2;
    l = Math.sqrt(l2);
    n = (fissionFraction * l02 + sx2) / (l02 + 0.5 * sx2);
    a1 = 1 / (1 + 0.001 * hc * v / s0);
    gammaNorm = Math.exp(-logGamma(1 + 1 / n)) / l;
    cAlpha2 = 0.001 * hc * v / s0;
  }

  /** A field with the default wind shear. */
  public Fallout(double yieldKt, double fissionFraction, double windKmh, double windFromDeg) {
    this(yieldKt, fissionFraction, windKmh, windFromDeg, DEFAULT_SHEAR_MPH_PER_KFT);
  }

  /** Yield, kt. */
  public double yieldKt() {
    return yieldKt;
  }

  /** Fission fraction. */
  public double fissionFraction() {
    return fissionFraction;
  }

  /** Wind speed, km/h. */
  public double windKmh() {
    return windKmh;
  }

  /** Direction the wind blows from, degrees. */
  public double windFromDeg() {
    return windFromDeg;
  }

  /** Cloud-centre height, kft (WSEG-10 H_c). */
  public double cloudCentreHeightKft() {
    return hc;
  }

  /** Downwind coordinate (km) of a point east/north of ground zero (km). */
  public double downwindKm(double eastKm, double northKm) {
    return eastKm * toSin + northKm * toCos;
  }

  /** Crosswind coordinate (km) of a point east/north of ground zero (km). */
  public double crosswindKm(double eastKm, double northKm) {
    return eastKm * toCos - northKm * toSin;
  }

  /** East/north (km) of a point given downwind/crosswind (km). */
  public double[] toEastNorth(double downKm, double crossKm) {
    return new double[] {downKm * toSin + crossKm * toCos, downKm * toCos - crossKm * toSin};
  }

  /** Hotline factor 2·10⁶ W ff φ(x) g(x) (R/h·mi at H+1), x in miles. */
  private double hotline(double x) {
    if (fissionFraction == 0) {
      return 0;
    }
    double g = Math.exp(-Math.pow(Math.abs(x) / l, n)) * gammaNorm;
    double phi = normalCdf((l0 / l) * x / (sx * a1));
    return 2e6 * w * fissionFraction * phi * g;
  }

  /** Effective crosswind spread α₂σ_y (mi) at downwind distance x (mi). */
  private double spread(double x) {
    double xs = x + 2 * sx;
    double t = tc * sh * s;
    double sy2 = s02 + 8 * Math.abs(xs) * s02 / l + 2 * (sx * t) * (sx * t) / l2
        + (xs * l0 * t) * (xs * l0 * t) / (l2 * l2);
    double a2 = 1 / (1 + cAlpha2 * (1 - normalCdf(2 * x / v)));
    return a2 * Math.sqrt(sy2);
  }

  private double sigmaY(double x) {
    double xs = x + 2 * sx;
    double t = tc * sh * s;
    return Math.sqrt(s02 + 8 * Math.abs(xs) * s02 / l + 2 * (sx * t) * (sx * t) / l2
        + (xs * l0 * t) * (xs * l0 * t) / (l2 * l2));
  }

  /** H+1 dose rate (rad/h) at a point given downwind/crosswind distances in km. */
  public double doseRateH1AtDownCross(double downKm, double crossKm) {
    double x = downKm / KM_PER_MI;
    double y = crossKm / KM_PER_MI;
    double sy = sigmaY(x);
    double sp = spread(x);
    return hotline(x) * Math.exp(-0.5 * (y / sp) * (y / sp)) / (Math.sqrt(2 * Math.PI) * sy);
  }

  /** H+1 dose rate (rad/h) at a point east/north of ground zero (km). */
  public double doseRateH1(double eastKm, double northKm) {
    return doseRateH1AtDownCross(downwindKm(eastKm, northKm), crosswindKm(eastKm, northKm));
  }

  /** Fallout arrival time (h) at a downwind distance (km). */
  public double arrivalHours(double downKm) {
    return Math.max(0.5, downKm / windKmh);
  }

  /** Factor turning the H+1 dose rate into the dose from arrival to one week. */
  public double doseFactor(double downKm) {
    double ta = arrivalHours(downKm);
    return ta >= DOSE_END_H ? 0.0 : 5.0 * (Math.pow(ta, -0.2) - END_DECAY);
  }

  /** Unsheltered dose (rad) from fallout arrival to one week, at a point east/north of GZ (km). */
  public double totalDoseRad(double eastKm, double northKm) {
    double down = downwindKm(eastKm, northKm);
    return doseRateH1AtDownCross(down, crosswindKm(eastKm, northKm)) * doseFactor(down);
  }

  /**
   * Contour polygon (east, north km around ground zero) of a level: the H+1 dose rate in rad/h
   * when {@code totalDose} is false, the one-week dose in rad otherwise. Empty if the level is
   * nowhere reached.
   */
  public List<double[]> contour(double level, boolean totalDose) {
    if (!(level > 0)) {
      throw new InvalidInputException(Message.POSITIVE, "contour level", level);
    }
    int m = 720;
    double xMinMi = -6 * sx - 2;
    double xMaxMi = 40 * l + 20;
    double[] xs = new double[m + 1];
    double[] half = new double[m + 1];
    int first = -1;
    int last = -1;
    for (int i = 0; i <= m; i++) {
      // denser sampling near ground zero
      double u = (double) i / m;
      double x = xMinMi + (xMaxMi - xMinMi) * u * u;
      if (x < 0 && u * u > -xMinMi / (xMaxMi - xMinMi)) {
        x = 0;
      }
      xs[i] = x;
      double down = x * KM_PER_MI;
      double peak = hotline(x) / (Math.sqrt(2 * Math.PI) * sigmaY(x))
          * (totalDose ? doseFactor(down) : 1.0);
      if (peak > level) {
        half[i] = spread(x) * Math.sqrt(2 * Math.log(peak / level));
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    List<double[]> poly = new ArrayList<>();
    if (first < 0) {
      return poly;
    }
    int a = Math.max(0, first - 1);
    int b = Math.min(m, last + 1);
    for (int i = a; i <= b; i++) {
      poly.add(toEastNorth(xs[i] * KM_PER_MI, half[i] * KM_PER_MI));
    }
    for (int i = b; i >= a; i--) {
      poly.add(toEastNorth(xs[i] * KM_PER_MI, -half[i] * KM_PER_MI));
    }
    return poly;
  }

  // ---- tabulated field for the casualty hot loop -------------------------------------------

  private static final int TABLE = 512;
  private volatile double[][] table; // {x km, peak one-week dose rad, spread km}

  private static final int NEAR = 192;

  private double nearEndMi() {
    return 4 * sx + 8;
  }

  private double[][] table() {
    double[][] t = table;
    if (t == null) {
      double xMinMi = -6 * sx - 2;
      double xNearMi = nearEndMi();
      double xMaxMi = 40 * l + 20;
      double[] xk = new double[TABLE];
      double[] peak = new double[TABLE];
      double[] sp = new double[TABLE];
      for (int i = 0; i < TABLE; i++) {
        double x;
        if (i < NEAR) {
          x = xMinMi + (xNearMi - xMinMi) * i / NEAR;
        } else {
          double u = (double) (i - NEAR) / (TABLE - 1 - NEAR);
          x = xNearMi + (xMaxMi - xNearMi) * u * u;
        }
        xk[i] = x * KM_PER_MI;
        peak[i] = hotline(x) / (Math.sqrt(2 * Math.PI) * sigmaY(x)) * doseFactor(xk[i]);
        sp[i] = spread(x) * KM_PER_MI;
      }
      t = new double[][] {xk, peak, sp};
      table = t;
    }
    return t;
  }

  /**
   * One-week unsheltered dose (rad) at a point east/north of ground zero (km), interpolated from
   * a 512-point table along the hotline (relative error well below the model's own).
   */
  public double totalDoseRadTabulated(double eastKm, double northKm) {
    double[][] t = table();
    double[] xk = t[0];
    double x = downwindKm(eastKm, northKm);
    double x0 = xk[0];
    double x1 = xk[TABLE - 1];
    if (x <= x0 || x >= x1) {
      return 0;
    }
    double xn = xk[NEAR];
    int i;
    if (x < xn) {
      i = (int) ((x - x0) / (xn - x0) * NEAR);
    } else {
      i = NEAR + (int) (Math.sqrt((x - xn) / (x1 - xn)) * (TABLE - 1 - NEAR));
    }
    i = Math.max(0, Math.min(TABLE - 2, i));
    // rounding can put x just outside [xk[i], xk[i+1]]: adjust
    while (i > 0 && xk[i] > x) {
      i--;
    }
    while (i < TABLE - 2 && xk[i + 1] < x) {
      i++;
    }
    double f = (x - xk[i]) / (xk[i + 1] - xk[i]);
    double peak = t[1][i] + f * (t[1][i + 1] - t[1][i]);
    if (peak <= 0) {
      return 0;
    }
    double sp = t[2][i] + f * (t[2][i + 1] - t[2][i]);
    double y = crosswindKm(eastKm, northKm) / sp;
    return peak * Math.exp(-0.5 * y * y);
  }

  /** Largest distance (km) from ground zero at which the one-week dose reaches {@code rad}. */
  public double doseReachKm(double rad) {
    double[][] t = table();
    double r = 0;
    for (int i = 0; i < TABLE; i++) {
      double peak = t[1][i];
      if (peak > rad) {
        double half = t[2][i] * Math.sqrt(2 * Math.log(peak / rad));
        r = Math.max(r, Math.hypot(t[0][i], half));
      }
    }
    // one table step of margin
    return r > 0 ? r * 1.02 + 1.0 : 0;
  }

  /** Largest distance (km) from ground zero of a contour; 0 if the level is nowhere reached. */
  public double contourReachKm(double level, boolean totalDose) {
    double r = 0;
    for (double[] p : contour(level, totalDose)) {
      r = Math.max(r, Math.hypot(p[0], p[1]));
    }
    return r;
  }

  /** Area (km²) of a contour polygon in (east, north) km, by the shoelace formula. */
  public static double areaKm2(List<double[]> poly) {
    double a = 0;
    for (int i = 0; i < poly.size(); i++) {
      double[] p = poly.get(i);
      double[] q = poly.get((i + 1) % poly.size());
      a += p[0] * q[1] - q[0] * p[1];
    }
    return Math.abs(a) / 2;
  }

  /** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf, |ε| &lt; 1.5e-7). */
  static double normalCdf(double z) {
    return 0.5 * (1 + erf(z / Math.sqrt(2)));
  }

  static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
        + 0.254829592) * t * Math.exp(-x * x);
    return x >= 0 ? y : -y;
  }

  /** Gamma function for x &gt; 0.5 (Lanczos). */
  static double gamma(double x) {
    return Math.exp(logGamma(x));
  }

  /** Natural log of the gamma function for x &gt; 0.5 (Lanczos, g = 7, relative error ~1e-15). */
  static double logGamma(double x) {
    double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7};
    double xx = x - 1;
    double a = c[0];
    double t = xx + 7.5;
    for (int i = 1; i < 9; i++) {
      a += c[i] / (xx + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
