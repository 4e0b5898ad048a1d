package org.detente.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.detente.analysis.EnsembleRunner;
import org.detente.analysis.EnsembleSummary;
import org.detente.analysis.Indicators;
import org.detente.analysis.PolicyComparison;
import org.detente.analysis.SyntheticRuns;
import org.detente.analysis.TestScenarios;
import org.detente.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTest {

  static ReportInput synthetic(int runs) {
    Scenario s = TestScenarios.small();
    ReportData data = new ReportData(new EnsembleSummary(TestScenarios.smallModel()));
    EnsembleRunner base = SyntheticRuns.runner(runs, 0.0);
    EnsembleRunner policy = SyntheticRuns.runner(runs, 0.08);
    PolicyComparison.Result cmp = PolicyComparison.compare(List.of(
        new PolicyComparison.Arm("baseline", base, data),
        new PolicyComparison.Arm("open-channel", policy, null)),
        new Indicators(List.of("red-nuke")), runs);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("file", "small.yaml");
    options.put("seed", "42");
    options.put("runs", Integer.toString(runs));
    List<ReportInput.TornadoBar> tornado = List.of(
        new ReportInput.TornadoBar("qreLambda", 1, 10, 0.12, 0.18, 0.15),
        new ReportInput.TornadoBar("noiseSevered", 0.2, 0.6, 0.10, 0.22, 0.15));
    return new ReportInput(s, options, data, cmp, tornado, "nuclear_use", null,
        Borders.load(), "Borders: test data");
  }

  @Test
  void reportIsWellFormedSelfContainedAndHasEverySection() throws Exception {
    String html = HtmlReport.render(synthetic(2000));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    Document doc = f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    NodeList sections = doc.getElementsByTagName("section");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < sections.getLength(); i++) {
      ids.add(((org.w3c.dom.Element) sections.item(i)).getAttribute("id"));
    }
    assertThat(ids).containsExactly("assumptions", "outcomes", "casualties", "time", "paths",
        "comparison", "tornado", "map", "reproduce");
    assertThat(doc.getElementsByTagName("svg").getLength()).isGreaterThanOrEqualTo(7);
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    Matcher m = Pattern.compile("(?i)(src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      assertThat(m.group(2)).as(m.group()).doesNotContainIgnoringCase("http")
          .doesNotStartWith("//");
    }
    assertThat(html).doesNotContain("url(").doesNotContain("@import");
    assertThat(html).contains("open-channel − baseline").contains("qreLambda")
        .contains("<code>42</code>").contains("Borders: test data");
  }

  @Test
  void bordersDecodeToLonLatInRange() {
    List<double[]> b = Borders.load();
    assertThat(b).hasSizeGreaterThan(100);
    for (double[] line : b) {
      for (int i = 0; i < line.length; i += 2) {
        assertThat(line[i]).isBetween(-180.0, 180.0);
        assertThat(line[i + 1]).isBetween(-90.0, 90.0);
      }
    }
  }

  @Test
  void sameInputsGiveTheSameBytes() {
    assertThat(HtmlReport.render(synthetic(500))).isEqualTo(HtmlReport.render(synthetic(500)));
  }

  @Test
  void escapesScenarioText() {
    assertThat(Html.esc("<b>\"x\" & 'y'</b>"))
        .isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
  }

  /** The seed scenario's report after a few runs with flat casualties. */
  private static Document seedScenarioReport() throws Exception {
    Scenario s = org.detente.scenario.ScenarioLoader.load(
        Path.of("scenarios/us-russia-2022.yaml"), List.of());
    org.detente.engine.CompiledModel m = org.detente.engine.CompiledModel.compile(s,
        org.detente.engine.ModelParameters.from(s),
        (lat, lon, y, air) -> new org.detente.engine.CasualtySource.Casualties(1000 * y, 0, 0),
        org.detente.engine.DealForecaster.WEIGHTED_MEAN);
    ReportData data = new ReportData(new EnsembleSummary(m));
    org.detente.engine.Ensemble.run(m, 1, 40, 1, data, null);
    String html = HtmlReport.render(new ReportInput(s, Map.of("seed", "1"), data, null,
        List.of(), "settlement", null, Borders.load(), Borders.CREDIT));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static org.w3c.dom.Element section(Document doc, String id) {
    NodeList sections = doc.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) sections.item(i);
      if (e.getAttribute("id").equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no section " + id);
  }

  @Test
  void mapLabelsOverlapNeitherEachOtherNorThePoints() throws Exception {
    // the inner svg holds the map: theater points (r = 8) and their labels
    org.w3c.dom.Element map = (org.w3c.dom.Element) ((org.w3c.dom.Element) section(
        seedScenarioReport(), "map").getElementsByTagName("svg").item(0))
        .getElementsByTagName("svg").item(0);
    List<double[]> points = new java.util.ArrayList<>();
    NodeList circles = map.getElementsByTagName("circle");
    for (int i = 0; i < circles.getLength(); i++) {
      org.w3c.dom.Element c = (org.w3c.dom.Element) circles.item(i);
      if (c.getAttribute("r").equals("8.0")) {
        double x = Double.parseDouble(c.getAttribute("cx"));
        double y = Double.parseDouble(c.getAttribute("cy"));
        points.add(new double[] {x - 8, y - 8, x + 8, y + 8});
      }
    }
    List<double[]> labels = new java.util.ArrayList<>();
    NodeList texts = map.getElementsByTagName("text");
    for (int i = 0; i < texts.getLength(); i++) {
      org.w3c.dom.Element t = (org.w3c.dom.Element) texts.item(i);
      labels.add(MapLabels.box(new MapLabels.Placed(Double.parseDouble(t.getAttribute("x")),
          Double.parseDouble(t.getAttribute("y")), t.getAttribute("text-anchor")),
          t.getTextContent()));
    }
    assertThat(points).hasSize(11);
    assertThat(labels).hasSize(11);
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        assertThat(MapLabels.overlap(labels.get(i), labels.get(j)))
            .as("labels %s and %s", texts.item(i).getTextContent(),
                texts.item(j).getTextContent()).isZero();
      }
      for (double[] p : points) {
        assertThat(MapLabels.overlap(labels.get(i), p))
            .as("label %s over a point", texts.item(i).getTextContent()).isZero();
      }
    }
  }

  @Test
  void mapLegendNamesEveryControllerInFull() throws Exception {
    org.w3c.dom.Element map = section(seedScenarioReport(), "map");
    String legend = map.getElementsByTagName("svg").item(0).getTextContent();
    assertThat(legend).doesNotContain("…").contains("DEU Federal Republic of Germany");
    // a long name is wrapped over lines, every word kept
    for (String w : "Central Asia (Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan)"
        .split(" ")) {
      assertThat(legend).contains(w);
    }
  }

  @Test
  void headerScenarioChipIsReadable() {
    String html = HtmlReport.render(synthetic(100));
    // the chip's own colours if the header styles it, else code's background under header text
    Matcher own = Pattern.compile("header code\\{[^}]*background:(#[0-9a-f]{6})[^}]*"
        + "color:(#[0-9a-f]{6})").matcher(html);
    String bg;
    String fg;
    if (own.find()) {
      bg = own.group(1);
      fg = own.group(2);
    } else {
      Matcher code = Pattern.compile("\\ncode\\{background:(#[0-9a-f]{6})").matcher(html);
      Matcher text = Pattern.compile("header p\\{[^}]*color:(#[0-9a-f]{6})").matcher(html);
      assertThat(code.find() && text.find()).isTrue();
      bg = code.group(1);
      fg = text.group(1);
    }
    // WCAG 2 contrast ratio of normal text: at least 4.5
    assertThat(contrast(bg, fg)).isGreaterThanOrEqualTo(4.5);
  }

  private static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double l = 0;
    double[] w = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      l += w[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }
    return l;
  }

  /** Writes a synthetic report to target/ for looking at in a browser. */
  public static void main(String[] args) throws Exception {
    Files.writeString(Path.of(args.length > 0 ? args[0] : "target/synthetic-report.html"),
        HtmlReport.render(synthetic(5000)));
  }
}
