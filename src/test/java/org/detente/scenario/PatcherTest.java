package org.detente.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatcherTest {

  final List<Problem> problems = new ArrayList<>();

  static Node tree(String yaml) {
    List<Problem> parse = new ArrayList<>();
    Node n = new YamlReader("t.yaml", parse).parse(yaml);
    assertThat(parse).isEmpty();
    return n;
  }

  boolean apply(Node root, String op, String path, String valueYaml) {
    Node value = valueYaml == null ? null : tree("v: " + valueYaml).get("v");
    return new Patcher("t.yaml", problems).apply(root, op, path, value, root, "p");
  }

  @Test
  void paths() {
    String[] why = new String[1];
    assertThat(Patcher.parsePath("relations[USA-RUS].channel", why))
        .containsExactly(new Patcher.Segment("relations", List.of("USA-RUS")),
            new Patcher.Segment("channel", List.of()));
    assertThat(Patcher.parsePath("a..b", why)).isNull();
    assertThat(why[0]).isEqualTo("missing field name at character 3");
    assertThat(Patcher.parsePath("a[x", why)).isNull();
    assertThat(why[0]).isEqualTo("unclosed '['");
  }

  @Test
  void setMatchesBetweenInEitherOrder() {
    Node root = tree("relations:\n  - {between: [USA, RUS], channel: degraded}\n");
    assertThat(apply(root, "set", "relations[RUS-USA].channel", "open")).isTrue();
    assertThat(root.get("relations").items.get(0).get("channel").text).isEqualTo("open");
  }

  @Test
  void removeByIdAndByIndex() {
    Node root = tree("events:\n  - {id: a}\n  - {id: b}\n  - {id: c}\n");
    assertThat(apply(root, "remove", "events[b]", null)).isTrue();
    assertThat(apply(root, "remove", "events[0]", null)).isTrue();
    assertThat(root.get("events").items).hasSize(1);
    assertThat(root.get("events").items.get(0).get("id").text).isEqualTo("c");
  }

  @Test
  void addAppendsAndCreatesMissingList() {
    Node root = tree("meta: {id: x}\nalliances:\n  - {id: A}\n");
    assertThat(apply(root, "add", "alliances", "{id: B}")).isTrue();
    assertThat(apply(root, "add", "events", "{id: e}")).isTrue();
    assertThat(root.get("alliances").items).hasSize(2);
    assertThat(root.get("events").items).hasSize(1);
    assertThat(apply(root, "add", "meta", "{id: y}")).isFalse();
    assertThat(problems.get(0).message())
        .isEqualTo("'add' needs a list, but 'meta' is a mapping; use 'set' to replace a value");
  }

  @Test
  void missingPathsAreReported() {
    Node root = tree("actors:\n  - {id: RUS, motives: [{id: m}]}\n");
    assertThat(apply(root, "set", "actors[RUS].motives[n].prior", "0.5")).isFalse();
    assertThat(apply(root, "remove", "actorz[RUS]", null)).isFalse();
    assertThat(apply(root, "set", "policies[x].id", "y")).isFalse();
    assertThat(problems).extracting(Problem::message).containsExactly(
        "path 'actors[RUS].motives[n].prior' does not exist: no element 'n' in "
            + "'actors[RUS].motives' (did you mean 'm'?)",
        "path 'actorz[RUS]' does not exist: no field 'actorz' (did you mean 'actors'?)",
        "a policy cannot patch the policies section");
  }
}
