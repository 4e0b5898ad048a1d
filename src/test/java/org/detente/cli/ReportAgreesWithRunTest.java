package org.detente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code detente report} and {@code detente run} on the same scenario, seed and number of runs
 * show the same outcome counts, escalation paths with their counts, and median and 95th
 * percentile of deaths.
 */
class ReportAgreesWithRunTest {

  private static final String US = "scenarios/us-russia-2022.yaml";
  private static final String[] SAME_RUNS = {"--runs", "300", "--seed", "5", "--threads", "2"};

  @Test
  void reportShowsTheFiguresRunPrints(@TempDir Path dir) throws Exception {
    CliRun.Result json = CliRun.exec(concat("run", US, "--json", "--no-timing", "-q"));
    CliRun.Result text = CliRun.exec(concat("run", US, "--no-timing", "-q"));
    Path html = dir.resolve("report/report.html");
    CliRun.Result rep = CliRun.exec(concat("report", US, "--tornado-runs", "0", "--out",
        html.getParent().toString()));
    assertThat(json.code()).isZero();
    assertThat(text.code()).isZero();
    assertThat(rep.code()).as(rep.err()).isZero();
    JsonNode run = new ObjectMapper().readTree(json.out());
    Document doc = parse(Files.readString(html));

    // outcome classes: the same run counts
    List<List<String>> outcomes = rows(doc, "outcomes", 0);
    int i = 0;
    for (var it = run.get("outcomes").fields(); it.hasNext(); i++) {
      var e = it.next();
      assertThat(outcomes.get(i).get(0)).isEqualTo(e.getKey().replace('_', ' '));
      assertThat(outcomes.get(i).get(1)).as(e.getKey())
          .isEqualTo(e.getValue().get("count").asText());
    }

    // escalation paths: the same paths, in the same order, with the same counts
    List<List<String>> paths = rows(doc, "paths", 0);
    JsonNode runPaths = run.get("escalationPaths");
    assertThat(runPaths.size()).isGreaterThan(1);
    for (int k = 0; k < runPaths.size(); k++) {
      assertThat(paths.get(k).get(1)).isEqualTo(runPaths.get(k).get("path").asText());
      assertThat(paths.get(k).get(3)).isEqualTo(runPaths.get(k).get("count").asText());
    }

    // deaths: the total row of the text table (mean, p50, p95, max) and the report's table
    Matcher m = Pattern.compile("\\n  total\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\n")
        .matcher(text.out());
    assertThat(m.find()).as(text.out()).isTrue();
    List<String> total = rows(doc, "casualties", 0).stream()
        .filter(r -> r.get(0).equals("total")).findFirst().orElseThrow();
    assertThat(total.get(2)).as("mean").isEqualTo(m.group(1));
    assertThat(total.get(3)).as("median").isEqualTo(m.group(2));
    assertThat(total.get(4)).as("95th percentile").isEqualTo(m.group(3));
    assertThat(total.get(6)).as("max").isEqualTo(m.group(4));
    assertThat(m.group(2)).isNotEqualTo("0");
  }

  private static String[] concat(String... head) {
    String[] a = new String[head.length + SAME_RUNS.length];
    System.arraycopy(head, 0, a, 0, head.length);
    System.arraycopy(SAME_RUNS, 0, a, head.length, SAME_RUNS.length);
    return a;
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  /** The body rows (cell texts) of the n-th table of the section with this id. */
  private static List<List<String>> rows(Document doc, String section, int n) {
    NodeList sections = doc.getElementsByTagName("section");
    for (int s = 0; s < sections.getLength(); s++) {
      Element sec = (Element) sections.item(s);
      if (!sec.getAttribute("id").equals(section)) {
        continue;
      }
      Element table = (Element) sec.getElementsByTagName("table").item(n);
      List<List<String>> out = new ArrayList<>();
      NodeList trs = table.getElementsByTagName("tr");
      for (int r = 0; r < trs.getLength(); r++) {
        NodeList tds = ((Element) trs.item(r)).getElementsByTagName("td");
        if (tds.getLength() == 0) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < tds.getLength(); c++) {
          cells.add(tds.item(c).getTextContent());
        }
        out.add(cells);
      }
      return out;
    }
    throw new AssertionError("no section " + section);
  }
}
