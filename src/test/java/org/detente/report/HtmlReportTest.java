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

  /** Writes a synthetic report to target/ for looking at in a browser. */
  public static void main(String[] args) throws Exception {
    Files.writeString(Path.of(args.length > 0 ? args[0] : "target/synthetic-report.html"),
        HtmlReport.render(synthetic(5000)));
  }
}
