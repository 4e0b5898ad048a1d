package org.detente.bargain;

import org.detente.model.BargainProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.detente.DetenteException;
import org.junit.jupiter.api.Test;

/** KTAB CSV and XML readers: good files and every class of defect, with FILE:LINE:COLUMN. */
class SmpReaderTest {

  static final String HEAD = "Scen,Desc,3,2,\nActor,Description,Power,P1,S1,P2,S2,\n";

  static SmpScenario csv(String text) {
    return SmpCsvReader.parse("t.csv", text);
  }

  /** The three-actor CSV with A's row as given and valid rows for B and C. */
  static SmpScenario rowA(String row) {
    return csv(HEAD + row + "\nB,b,1,1,1,1,1\nC,c,1,1,1,1,1\n");
  }

  static SmpScenario xml(String text) {
    return SmpXmlReader.parse("t.xml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsKtabCsv() {
    SmpScenario s = csv(HEAD + "A,first, 10, 20,30, 40,50,\n\"B, Inc\",second,5,0,10,100,20\nC,,1.5,100,0,0,1,\n\n");
    BargainProblem p = s.problem();
    assertThat(p.name()).isEqualTo("Scen");
    assertThat(p.actors()).containsExactly("A", "B, Inc", "C");
    assertThat(p.dimensions()).containsExactly("P1", "P2");
    assertThat(p.capability()).containsExactly(10, 5, 1.5);
    assertThat(p.position()[1]).containsExactly(0, 100);
    assertThat(p.salience()[2]).containsExactly(0, 1);
    assertThat(s.accommodation()).isNull();
    assertThat(s.parameters()).isEqualTo(SmpParameters.defaults());
    assertThat(s.seed()).isEqualTo(SmpScenario.KTAB_DEFAULT_SEED);
  }

  @Test
  void csvTooFewActors() {
    assertThatThrownBy(() -> csv(HEAD + "A,a,1,1,1,1,1\nB,b,1,1,1,1,1\n"))
        .isInstanceOf(DetenteException.class)
        .hasMessage("t.csv:5:1: actors: header declares 3 actors but only 2 actor row(s) follow");
  }

  @Test
  void csvTooManyActors() {
    assertThatThrownBy(() -> csv(HEAD + "A,a,1,1,1,1,1\nB,b,1,1,1,1,1\nC,c,1,1,1,1,1\nD,d,1,1,1,1,1\n"))
        .hasMessage("t.csv:6:1: actors: header declares 3 actors but more actor rows follow");
  }

  @Test
  void csvWrongFieldCount() {
    assertThatThrownBy(() -> rowA("A,a,1,1,1,1"))
        .hasMessageStartingWith("t.csv:3:12: actor row: expected 7 fields")
        .hasMessageContaining("found 6");
    assertThatThrownBy(() -> rowA("A,a,1,1,1,1,1,9"))
        .hasMessageStartingWith("t.csv:3:15: actor row: expected 7 fields, found 8");
  }

  @Test
  void csvSalienceSumAbove100() {
    assertThatThrownBy(() -> rowA("A,a,1,1,60,1,41"))
        .hasMessage("t.csv:3:14: salience of A: saliences sum to 101.0 by dimension P2; at most 100 allowed");
  }

  @Test
  void csvNonNumericAndRanges() {
    assertThatThrownBy(() -> rowA("A,a,1,1,1,abc,1"))
        .hasMessage("t.csv:3:11: position of A on P2: expected a number, got 'abc'");
    assertThatThrownBy(() -> rowA("A,a,0,1,1,1,1"))
        .hasMessage("t.csv:3:5: capability of A: must be > 0, got 0");
    assertThatThrownBy(() -> rowA("A,a,1,101,1,1,1"))
        .hasMessage("t.csv:3:7: position of A on P1: must be in [0, 100], got 101");
    assertThatThrownBy(() -> rowA("A,a,1,1,,1,1"))
        .hasMessageStartingWith("t.csv:3:");
    assertThatThrownBy(() -> rowA("A,a,1,1,0,1,0"))
        .hasMessageContaining("salience of A: all saliences are 0");
    assertThatThrownBy(() -> csv(HEAD + "A,a,1,1,1,1,1\nA,b,1,1,1,1,1\nC,c,1,1,1,1,1\n"))
        .hasMessage("t.csv:4:1: Actor: duplicate actor name 'A'");
  }

  @Test
  void csvHeaderDefects() {
    assertThatThrownBy(() -> csv("")).hasMessageStartingWith("t.csv:1:1: header: empty file");
    assertThatThrownBy(() -> csv("S,D,three,2\n"))
        .hasMessage("t.csv:1:5: numActors: expected a whole number, got 'three'");
    assertThatThrownBy(() -> csv("S,D,2,2\n")).hasMessage("t.csv:1:5: numActors: must be at least 3, got 2");
    assertThatThrownBy(() -> csv("S,D,3,2\nActor,Description,Power,P1,S1\n"))
        .hasMessageStartingWith("t.csv:2:30: column header: expected 7 labels");
  }

  static final String XML_HEAD = "<Scenario>\n<name>X</name>\n<prngSeed>17</prngSeed>\n"
      + "<Dimensions><dName>d1</dName><dName>d2</dName></Dimensions>\n<Actors>\n";

  static String actor(String name, String cap, String p1, String p2, String s1, String s2) {
    return "<Actor><name>" + name + "</name><description>x</description><capability>" + cap
        + "</capability>\n<Position><dCoord>" + p1 + "</dCoord><dCoord>" + p2 + "</dCoord></Position>\n"
        + "<Salience><dSal>" + s1 + "</dSal><dSal>" + s2 + "</dSal></Salience></Actor>\n";
  }

  static final String THREE = actor("A", "10", "10", "20", "30", "40") + actor("B", "5", "50", "60", "20", "20")
      + actor("C", "1", "90", "80", "10", "10");

  @Test
  void readsXmlWithOptionsAndAccommodation() {
    SmpScenario s = xml(XML_HEAD + THREE + "</Actors>\n"
        + "<ModelParameters><VotingRule>PropCbc</VotingRule><StateTransitions>Stochastic</StateTransitions>"
        + "</ModelParameters>\n"
        + "<IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos>"
        + "<adjust>0.8</adjust></iaPair><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>C</referencePos>"
        + "<adjust>0.1</adjust></iaPair></IdealAdjustment></Scenario>");
    assertThat(s.seed()).isEqualTo(17);
    assertThat(s.parameters().votingRule()).isEqualTo(SmpParameters.VotingRule.PROP_CBC);
    assertThat(s.parameters().transitions()).isEqualTo(SmpParameters.StateTransitions.STOCHASTIC);
    assertThat(s.parameters().pce()).isEqualTo(SmpParameters.PceModel.CONDITIONAL);
    assertThat(s.accommodation()[0]).containsExactly(0.8, 0, 0.1);
    assertThat(s.accommodation()[1]).containsExactly(0, 1, 0);
    assertThat(s.problem().salience()[0]).containsExactly(30, 40);
  }

  @Test
  void xmlWithoutIdealAdjustmentIsIdentity() {
    SmpScenario s = xml(XML_HEAD + THREE + "</Actors></Scenario>");
    assertThat(s.accommodation()).isNull();
    // and KTAB's shipped dummyData_3Dim.xml (which KTAB rejects for that reason) equals its CSV
    SmpScenario x = KtabSamples.load("dummyData_3Dim.xml");
    SmpScenario c = KtabSamples.load("dummyData_3Dim.csv");
    assertThat(x.problem().position()).isDeepEqualTo(c.problem().position());
    assertThat(x.problem().salience()).isDeepEqualTo(c.problem().salience());
    assertThat(x.problem().capability()).isEqualTo(c.problem().capability());
  }

  @Test
  void ktabSmpExampleWithEmptyDCoordIsRejectedWithItsLocation() {
    assertThatThrownBy(() -> KtabSamples.load("smpExample.xml"))
        .isInstanceOf(DetenteException.class)
        .hasMessage("smpExample.xml:32:9: dCoord 1 of Alice: <dCoord> is empty; expected a number");
  }

  @Test
  void xmlDefects() {
    assertThatThrownBy(() -> xml(XML_HEAD + actor("A", "10", "10", "", "30", "40")
            + actor("B", "5", "50", "60", "20", "20") + actor("C", "1", "90", "80", "10", "10") + "</Actors></Scenario>"))
        .hasMessageStartingWith("t.xml:7:").hasMessageEndingWith("dCoord 2 of A: <dCoord> is empty; expected a number");
    assertThatThrownBy(() -> xml(XML_HEAD + actor("A", "ten", "10", "20", "30", "40") + THREE.substring(THREE.indexOf("<Actor><name>B")) + "</Actors></Scenario>"))
        .hasMessageContaining(": capability of A: expected a number, got 'ten'");
    assertThatThrownBy(() -> xml(XML_HEAD + actor("A", "10", "10", "20", "70", "40") + THREE.substring(THREE.indexOf("<Actor><name>B")) + "</Actors></Scenario>"))
        .hasMessageContaining("Salience of A: saliences sum to more than 100");
    assertThatThrownBy(() -> xml(XML_HEAD + THREE.replace("<dCoord>80</dCoord>", "") + "</Actors></Scenario>"))
        .hasMessageContaining("Position of C: expected 2 <dCoord> (one per dimension), found 1");
    assertThatThrownBy(() -> xml(XML_HEAD + THREE + "</Actors><ModelParameters><VotingRule>Majority</VotingRule>"
            + "</ModelParameters></Scenario>"))
        .hasMessageContaining("VotingRule: unknown value 'Majority'; expected one of Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp");
    assertThatThrownBy(() -> xml(XML_HEAD + THREE + "</Actors><IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal>"
            + "<referencePos>B</referencePos><adjust>0.5</adjust></iaPair></IdealAdjustment></Scenario>"))
        .hasMessageContaining("IdealAdjustment of A: adjustments sum to 1.500, more than 1");
    assertThatThrownBy(() -> xml(XML_HEAD + THREE + "</Actors><IdealAdjustment><iaPair><adjustingIdeal>Z</adjustingIdeal>"
            + "<referencePos>B</referencePos><adjust>0.5</adjust></iaPair></IdealAdjustment></Scenario>"))
        .hasMessageContaining("adjustingIdeal: unknown actor 'Z'");
    assertThatThrownBy(() -> xml(XML_HEAD + THREE + "</Actors>"))
        .hasMessageStartingWith("t.xml:").hasMessageContaining("XML:");
    assertThatThrownBy(() -> xml("<Scenario><name>x</name></Scenario>"))
        .hasMessage("t.xml:1:1: Scenario: missing element <Dimensions>");
    assertThatThrownBy(() -> xml(XML_HEAD.replace("17", "-5") + THREE + "</Actors></Scenario>"))
        .hasMessageContaining("prngSeed: expected an unsigned 64-bit integer, got '-5'");
  }

  @Test
  void dimensionSelection() {
    SmpScenario s = csv(HEAD + "A,a,1,1,2,3,4\nB,b,1,5,6,7,8\nC,c,1,9,10,11,12\n").selectDimensions(List.of("P2"));
    assertThat(s.problem().dimensions()).containsExactly("P2");
    assertThat(s.problem().position()[1]).containsExactly(7);
    assertThat(s.problem().salience()[2]).containsExactly(12);
    assertThatThrownBy(() -> s.selectDimensions(List.of("P9")))
        .isInstanceOf(org.detente.UsageException.class)
        .hasMessageContaining("unknown dimension 'P9'");
  }
}
