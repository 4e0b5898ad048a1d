package org.detente.engine;

import org.detente.model.Action;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins the action catalogue to the published CAMEO codebook and Goldstein (1992) scale shipped in
 * {@code data/cameo/cameo_events.csv}.
 */
class ActionCatalogTest {

  private static Map<String, Double> goldsteinByCode() throws IOException {
    Map<String, Double> map = new TreeMap<>();
    try (InputStream in = Action.class.getResourceAsStream("/data/cameo/cameo_events.csv")) {
      assertThat(in).as("shipped CAMEO table").isNotNull();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = r.readLine();
      assertThat(header).startsWith("cameo_code,");
      String line;
      while ((line = r.readLine()) != null) {
        List<String> f = splitCsv(line);
        map.put(f.get(0), Double.parseDouble(f.get(6)));
      }
    }
    return map;
  }

  private static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  @Test
  void everyCodedActionCarriesThePublishedGoldsteinValue() throws IOException {
    Map<String, Double> table = goldsteinByCode();
    assertThat(table).hasSizeGreaterThan(300);
    int coded = 0;
    for (Action a : Action.values()) {
      if (a.cameo() == null) {
        assertThat(a.rung()).as("only the null action has no code").isZero();
        continue;
      }
      coded++;
      assertThat(table).as("CAMEO code of %s", a.id()).containsKey(a.cameo());
      assertThat(a.goldstein())
          .as("Goldstein value of %s (CAMEO %s)", a.id(), a.cameo())
          .isEqualTo(table.get(a.cameo()));
    }
    assertThat(coded).isGreaterThanOrEqualTo(Action.values().length - 1);
  }

  @Test
  void idsAreUniqueAndRungsClimbWithViolence() {
    Set<String> ids = new HashSet<>();
    for (Action a : Action.values()) {
      assertThat(ids.add(a.id())).as("duplicate id %s", a.id()).isTrue();
      assertThat(Action.byId(a.id())).isSameAs(a);
      assertThat(a.rung()).isBetween(0, 9);
      if (a.cameo() != null && a.cameo().startsWith("2042")) {
        assertThat(a.rung()).as("nuclear detonation %s", a.id()).isGreaterThanOrEqualTo(6);
      }
    }
    assertThat(Action.STRATEGIC_COUNTERVALUE.rung()).isEqualTo(9);
    assertThat(Action.WAIT.rung()).isZero();
  }
}
