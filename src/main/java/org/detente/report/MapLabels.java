package org.detente.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the labels of points on a chart so that they overlap neither one another nor the
 * points: each label tries eight places around its point (right, left, above, below, then the
 * four corners) and takes the first that is free, or else the one that overlaps least. Label
 * boxes are estimated from the number of characters (at most {@link #CHAR_WIDTH} pixels per
 * character of the 11-pixel font), so that a free place stays free in any common sans-serif font.
 */
final class MapLabels {

  /** Width allowed per character of an 11-pixel label. */
  static final double CHAR_WIDTH = 7.0;
  /** Height of an 11-pixel label box: from 10 px above its baseline to 3 px below. */
  static final double ASCENT = 10;
  static final double DESCENT = 3;

  /** A label's baseline position and SVG text-anchor. */
  record Placed(double x, double y, String anchor) {}

  private MapLabels() {}

  /**
   * Places one label per point ({@code px[i]}, {@code py[i]}) drawn as a circle of radius
   * {@code r}, inside [0, width] × [0, height] when it can.
   */
  static List<Placed> place(double[] px, double[] py, double r, List<String> labels,
      double width, double height) {
    List<double[]> taken = new ArrayList<>();
    for (int i = 0; i < px.length; i++) {
      taken.add(new double[] {px[i] - r, py[i] - r, px[i] + r, py[i] + r});
    }
    double[][] offsets = {
      {r + 3, 4, 0}, {-(r + 3), 4, 2}, {0, -(r + 4), 1}, {0, r + 12, 1},
      {r + 1, -(r + 1), 0}, {r + 1, r + 10, 0}, {-(r + 1), -(r + 1), 2}, {-(r + 1), r + 10, 2}
    };
    String[] anchors = {"start", "middle", "end"};
    List<Placed> out = new ArrayList<>();
    for (int i = 0; i < px.length; i++) {
      Placed best = null;
      double bestScore = Double.POSITIVE_INFINITY;
      for (double[] o : offsets) {
        Placed p = new Placed(px[i] + o[0], py[i] + o[1], anchors[(int) o[2]]);
        double[] b = box(p, labels.get(i));
        double score = outside(b, width, height) * 4;
        for (int j = 0; j < taken.size(); j++) {
          if (j != i) {
            score += overlap(b, taken.get(j));
          }
        }
        if (score < bestScore) {
          bestScore = score;
          best = p;
        }
        if (score == 0) {
          break;
        }
      }
      out.add(best);
      taken.add(box(best, labels.get(i)));
    }
    return out;
  }

  /** The estimated box {x0, y0, x1, y1} of a placed label. */
  static double[] box(Placed p, String label) {
    double w = CHAR_WIDTH * label.length();
    double x0 = switch (p.anchor()) {
      case "start" -> p.x();
      case "end" -> p.x() - w;
      default -> p.x() - w / 2;
    };
    return new double[] {x0, p.y() - ASCENT, x0 + w, p.y() + DESCENT};
  }

  /** Area shared by two boxes. */
  static double overlap(double[] a, double[] b) {
    double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    return w > 0 && h > 0 ? w * h : 0;
  }

  private static double outside(double[] b, double width, double height) {
    double area = (b[2] - b[0]) * (b[3] - b[1]);
    return area - overlap(b, new double[] {0, 0, width, height});
  }
}
