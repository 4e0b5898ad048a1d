package org.detente.report;

import java.util.Locale;

/** A minimal builder of inline SVG markup (well-formed XML, no external references). */
final class Svg {
  private final StringBuilder sb = new StringBuilder();

  Svg(double width, double height, String label) {
    sb.append("<svg width=\"").append(n(width))
        .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width))
        .append(' ').append(n(height)).append("\" role=\"img\" aria-label=\"")
        .append(Html.esc(label)).append("\">");
  }

  static String n(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }

  Svg rect(double x, double y, double w, double h, String fill, String extra) {
    sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
        .append(n(Math.max(0, w))).append("\" height=\"").append(n(Math.max(0, h)))
        .append("\" fill=\"").append(fill).append('"');
    if (extra != null) {
      sb.append(' ').append(extra);
    }
    sb.append("/>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"")
        .append(n(x2)).append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"").append(n(width)).append("\"/>");
    return this;
  }

  Svg dashed(double x1, double y1, double x2, double y2, String stroke) {
    sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"")
        .append(n(x2)).append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>");
    return this;
  }

  Svg circle(double cx, double cy, double r, String fill, String extra) {
    sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"")
        .append(n(r)).append("\" fill=\"").append(fill).append('"');
    if (extra != null) {
      sb.append(' ').append(extra);
    }
    sb.append("/>");
    return this;
  }

  Svg text(double x, double y, String text, String anchor, int size, String extra) {
    sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y))
        .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(size)
        .append('"');
    if (extra != null) {
      sb.append(' ').append(extra);
    }
    sb.append('>').append(Html.esc(text)).append("</text>");
    return this;
  }

  Svg path(String d, String stroke, double width, String fill, String extra) {
    sb.append("<path d=\"").append(d).append("\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"").append(n(width)).append("\" fill=\"").append(fill)
        .append('"');
    if (extra != null) {
      sb.append(' ').append(extra);
    }
    sb.append("/>");
    return this;
  }

  Svg title(String t) {
    sb.append("<title>").append(Html.esc(t)).append("</title>");
    return this;
  }

  Svg raw(String s) {
    sb.append(s);
    return this;
  }

  String end() {
    return sb.append("</svg>").toString();
  }
}
