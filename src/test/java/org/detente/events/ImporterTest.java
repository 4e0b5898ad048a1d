package org.detente.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.detente.events.EventFiles.gdelt;
import static org.detente.events.EventFiles.icews;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.detente.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on synthetic files with known counts and on the shipped GDELT sample. */
class ImporterTest {

  private static final LocalDate WEEK0 = LocalDate.of(2022, 3, 21); // a Monday

  private static InputStream text(String... lines) {
    return new ByteArrayInputStream((String.join("\n", lines) + "\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static Importer importer(EventFormat f, LocalDate from) {
    return new Importer(ActorMapping.ofIds(List.of("USA", "RUS", "UKR"), null), f, from, null,
        WEEK0, null);
  }

  /** Every line of a hand-made GDELT 1.0 file lands in exactly one count, as written below. */
  @Test
  void gdelt1CountsEveryLineOnce() throws IOException {
    Importer imp = importer(null, LocalDate.of(2022, 3, 1));
    imp.read("synthetic.tsv", text(
        gdelt(58, "1", "20220321", "RUS", "UKR", "190", "19", "4", "-10.0"), // week 0
        gdelt(58, "2", "20220327", "RUS", "UKR", "193", "19", "4", "-10.0"), // week 0 (Sunday)
        gdelt(58, "3", "20220328", "RUS", "UKR", "138", "13", "3", "-7.0"), // week 1
        gdelt(58, "4", "20220322", "USA", "RUS", "163", "16", "4", "-8.0"), // week 0
        gdelt(58, "5", "20220322", "USA", "USA", "040", "04", "1", "1.0"), // same actor
        gdelt(58, "6", "20220322", "CHN", "RUS", "040", "04", "1", "1.0"), // CHN not mapped
        gdelt(58, "7", "20220101", "RUS", "UKR", "190", "19", "4", "-10.0"), // before --from
        gdelt(58, "8", "20220322", "RUS", "UKR", "190", "19", "4", "-10.0")
            .replace("\t-10.0\t", "\t-10.0\t\t"), // 59 fields
        gdelt(58, "9", "20220322", "RUS", "UKR", "190", "19", "5", "-10.0"), // quad 5
        gdelt(58, "10", "20220230", "RUS", "UKR", "190", "19", "4", "-10.0"), // 30 February
        "",
        String.join("\t", Files.readString(Path.of("examples/events/gdelt1_events_header.tsv"))
            .strip()),
        gdelt(57, "13", "20220404", "RUS", "USA", "042", "04", "1", "1.9"))); // week 2, 57 fields
    ImportTotals t = imp.totals();
    assertThat(t.lines()).isEqualTo(13);
    assertThat(t.rowsRead()).isEqualTo(11);
    assertThat(t.kept()).isEqualTo(5);
    assertThat(t.malformed()).isEqualTo(3);
    assertThat(t.outsideDates()).isEqualTo(1);
    assertThat(t.unmappedActor()).isEqualTo(1);
    assertThat(t.sameActor()).isEqualTo(1);
    assertThat(t.blank()).isEqualTo(1);
    assertThat(t.headers()).isEqualTo(1);
    assertThat(t.kept() + t.malformed() + t.outsideDates() + t.unmappedActor() + t.sameActor())
        .isEqualTo(t.rowsRead());
    assertThat(t.keptByQuad(4)).isEqualTo(3);
    assertThat(t.keptByQuad(3)).isEqualTo(1);
    assertThat(t.keptByQuad(1)).isEqualTo(1);
    assertThat(t.keptByRoot(19)).isEqualTo(2);
    assertThat(t.readByRoot(19)).isEqualTo(3); // rows 1, 2 and 7 (malformed rows are not read)
    assertThat(t.listedMalformed()).extracting(ImportTotals.Malformed::line)
        .containsExactly(8L, 9L, 10L);
    assertThat(t.listedMalformed().get(0).reason()).contains("found 59");
    assertThat(t.listedMalformed().get(1).reason()).startsWith("QuadClass");
    assertThat(t.listedMalformed().get(2).reason()).startsWith("SQLDATE");

    WeeklySeries s = imp.series();
    assertThat(s.week0()).isEqualTo(WEEK0);
    assertThat(s.cells()).extracting(c -> c.week() + " " + c.source() + ">" + c.target() + " "
        + c.events() + " " + c.goldstein() + " " + c.rows())
        .containsExactly(
            "0 RUS>UKR 2 -20.0 [0:1, 0:2]",
            "0 USA>RUS 1 -8.0 [0:4]",
            "1 RUS>UKR 1 -7.0 [0:3]",
            "2 RUS>USA 1 1.9 [0:13]");
    assertThat(s.cells().get(0).quad(4)).isEqualTo(2);
    assertThat(s.cells().get(0).root(19)).isEqualTo(2);
  }

  @Test
  void seriesSurvivesWritingAndReading(@TempDir Path dir) throws IOException {
    Importer imp = importer(EventFormat.gdelt1, null);
    imp.read("a.tsv", text(
        gdelt(58, "1", "20220321", "RUS", "UKR", "190", "19", "4", "-10.0"),
        gdelt(58, "2", "20220405", "USA", "RUS", "0874", "08", "2", "10.0")));
    StringWriter w = new StringWriter();
    imp.series().write(w);
    Path f = dir.resolve("weekly.csv");
    Files.writeString(f, w.toString());
    WeeklySeries back = WeeklySeries.read(f);
    StringWriter w2 = new StringWriter();
    back.write(w2);
    assertThat(w2.toString()).isEqualTo(w.toString());
    assertThat(back.inputs()).containsExactly("gdelt1 a.tsv");
    assertThat(back.cells()).hasSize(2);
    assertThat(back.cells().get(1).root(8)).isEqualTo(1);
    assertThat(back.cells().get(1).week()).isEqualTo(2);
  }

  @Test
  void readingABrokenSeriesNamesLineAndField(@TempDir Path dir) throws IOException {
    Importer imp = importer(EventFormat.gdelt1, null);
    imp.read("a.tsv", text(gdelt(58, "1", "20220321", "RUS", "UKR", "190", "19", "4", "-10")));
    StringWriter w = new StringWriter();
    imp.series().write(w);
    Path f = dir.resolve("weekly.csv");
    Files.writeString(f, w.toString().replace(",1,-10.0,0,0,0,1,", ",2,-10.0,0,0,0,1,"));
    assertThatThrownBy(() -> WeeklySeries.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("weekly.csv:5:")
        .hasMessageContaining("events: expected the quad-class counts (sum 1)");
  }

  @Test
  void gdelt2HasSixtyOneFields() throws IOException {
    Importer imp = importer(EventFormat.gdelt2, null);
    imp.read("b.tsv", text(
        gdelt(61, "1", "20220321", "RUS", "UKR", "195", "19", "4", "-10.0"),
        gdelt(58, "2", "20220321", "RUS", "UKR", "195", "19", "4", "-10.0")));
    assertThat(imp.totals().kept()).isEqualTo(1);
    assertThat(imp.totals().malformed()).isEqualTo(1);
    assertThat(imp.totals().listedMalformed().get(0).reason())
        .isEqualTo("expected 61 tab-separated fields (GDELT 2.0 event table), found 58");
  }

  @Test
  void formatIsToldFromTheFirstLine() throws IOException {
    Importer imp = importer(null, null);
    imp.read("g2.tsv", text(gdelt(61, "1", "20220321", "RUS", "UKR", "195", "19", "4", "-10")));
    imp.read("i.tab", text(EventFiles.ICEWS_HEADER,
        icews("1", "2022-03-21", "Russian Federation", "190", "-10.0", "Ukraine")));
    imp.read("p.jsonl", text("{\"id\":\"a\",\"date\":\"2022-03-21\",\"actor\":[{\"code\":\"RUS\"}],"
        + "\"recipient\":[{\"code\":\"UKR\"}],\"event\":[\"ASSAULT\"],\"mode\":[\"aerial\"]}"));
    assertThat(imp.totals().files()).extracting(ImportTotals.FileTotals::format)
        .containsExactly(EventFormat.gdelt2, EventFormat.icews, EventFormat.plover);
    assertThat(imp.totals().kept()).isEqualTo(3);
    assertThat(imp.series().cells().get(0).root(19)).isEqualTo(3);
    assertThat(imp.series().cells().get(0).rows()).containsExactly("0:1", "1:2", "2:1");
  }

  @Test
  void anUnknownLayoutIsALocatedError() {
    Importer imp = importer(null, null);
    assertThatThrownBy(() -> imp.read("x.csv", text("", "a,b,c")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("x.csv:2:1: format: expected a GDELT 1.0");
  }

  @Test
  void icewsRowsMapCountryNamesAndRestoreLeadingZeros() throws IOException {
    Importer imp = importer(EventFormat.icews, null);
    imp.read("icews.tab", text(EventFiles.ICEWS_HEADER,
        icews("1", "2022-03-22", "United States", "42", "1.9", "Russian Federation"),
        icews("2", "2022-03-23", "Russian Federation", "1384", "-7.0", "United States"),
        icews("3", "2022-03-23", "Russian Federation", "190", "-10.0", "Ukraine"),
        icews("4", "2022-03-23", "Russian Federation", "19a", "-10.0", "Ukraine"),
        icews("5", "23/03/2022", "Russian Federation", "190", "-10.0", "Ukraine")));
    ImportTotals t = imp.totals();
    assertThat(t.headers()).isEqualTo(1);
    assertThat(t.kept()).isEqualTo(3);
    assertThat(t.malformed()).isEqualTo(2);
    assertThat(t.keptByRoot(4)).isEqualTo(1);
    assertThat(t.keptByRoot(13)).isEqualTo(1);
    assertThat(t.keptByQuad(3)).isEqualTo(1); // ICEWS has no quad class: from the root
    assertThat(t.listedMalformed().get(0).reason()).startsWith("CAMEO Code");
    assertThat(t.listedMalformed().get(1).reason()).startsWith("Event Date");
    assertThat(imp.series().cells()).extracting(c -> c.source() + ">" + c.target())
        .containsExactly("RUS>UKR", "RUS>USA", "USA>RUS");
  }

  @Test
  void ploverRecordsFollowTheManual() throws IOException {
    Importer imp = importer(EventFormat.plover, null);
    imp.read("p.jsonl", text(
        "{\"id\":\"1\",\"date\":\"2022-03-22\",\"actor\":[{\"code\":\"USA\"}],"
            + "\"recipient\":[{\"code\":\"RUS\"}],\"event\":[\"CONSULT\"]}",
        "{\"id\":\"2\",\"date\":\"2022-03-22\",\"actor\":[{\"code\":\"RUS\"}],"
            + "\"recipient\":[{\"code\":\"UKR\"}],\"event\":[\"ASSAULT\"],"
            + "\"mode\":[\"unconventional\"],\"event_scale\":-10}",
        "{\"id\":\"3\",\"date\":\"2022-03-22\",\"source\":[{\"code\":\"RUS\"}],"
            + "\"target\":[{\"code\":\"UKR\"}],\"event\":\"THREATEN\",\"quad_code\":3}",
        "{\"id\":\"4\",\"date\":\"2022-03-22\",\"actor\":[{\"code\":\"RUS\"}],"
            + "\"recipient\":[{\"code\":\"UKR\"}],\"event\":[\"SHOUT\"]}",
        "{\"id\":\"5\", broken"));
    ImportTotals t = imp.totals();
    assertThat(t.kept()).isEqualTo(3);
    assertThat(t.malformed()).isEqualTo(2);
    assertThat(t.keptByRoot(4)).isEqualTo(1);
    assertThat(t.keptByRoot(20)).isEqualTo(1);
    assertThat(t.keptByRoot(13)).isEqualTo(1);
    WeeklySeries.Cell usaRus = imp.series().cells().stream()
        .filter(c -> c.source().equals("USA")).findFirst().orElseThrow();
    assertThat(usaRus.goldstein()).isEqualTo(2.5); // PLOVER's CONSULT score
    assertThat(t.listedMalformed().get(0).reason()).startsWith("event: expected a PLOVER");
    assertThat(t.listedMalformed().get(1).reason()).startsWith("not a JSON object");
  }

  /**
   * The shipped sample: every row is well-formed and the counts by quad class and root code
   * are those of its QuadClass and EventRootCode columns (counted independently with awk:
   * {@code awk -F'\t' '{q[$30]++} END {for (k in q) print k, q[k]}'}).
   */
  @Test
  void shippedGdeltSampleReadsCompletely() throws IOException {
    Path sample = Path.of("examples/events/gdelt1_events_sample_20160728.tsv");
    Importer imp = new Importer(ActorMapping.ofIds(List.of("USA", "RUS"), null), null, null,
        null, null, null);
    try (InputStream in = Importer.open(sample, null)) {
      imp.read(sample.toString(), in);
    }
    ImportTotals t = imp.totals();
    assertThat(t.files().get(0).format()).isEqualTo(EventFormat.gdelt1);
    assertThat(t.rowsRead()).isEqualTo(710);
    assertThat(t.malformed()).isZero();
    assertThat(new long[] {t.readByQuad(1), t.readByQuad(2), t.readByQuad(3), t.readByQuad(4)})
        .containsExactly(433, 67, 107, 103);
    List<Long> roots = new ArrayList<>();
    for (int r = 1; r <= 20; r++) {
      roots.add(t.readByRoot(r));
    }
    assertThat(roots).containsExactly(114L, 58L, 45L, 174L, 42L, 13L, 13L, 34L, 7L, 13L, 54L,
        22L, 10L, 8L, 5L, 9L, 33L, 7L, 48L, 1L);
    // the three USA-RUS rows of the sample: GLOBALEVENTID 564157307 (051), 564443032 (163),
    // 564464892 (020), all USA toward RUS on 2016-07-28
    assertThat(t.kept()).isEqualTo(3);
    assertThat(imp.series().cells()).singleElement().satisfies(c -> {
      assertThat(c.source() + ">" + c.target()).isEqualTo("USA>RUS");
      assertThat(c.events()).isEqualTo(3);
      assertThat(c.goldstein()).isCloseTo(3.4 - 8.0 + 3.0, org.assertj.core.data.Offset
          .offset(1e-9));
      assertThat(c.quad(1)).isEqualTo(2);
      assertThat(c.quad(4)).isEqualTo(1);
    });
    assertThat(imp.series().week0()).isEqualTo(LocalDate.of(2016, 7, 25));
  }
}
