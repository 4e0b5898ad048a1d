package org.detente.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * A YAML input other than a scenario (an evidence file) read by the same reader as scenarios,
 * with the same rules: a regular file of at most {@link Limits#MAX_BYTES}, UTF-8 text, nesting
 * of at most {@link Limits#MAX_DEPTH}, no duplicate keys, keys that are plain text, exactly one
 * document. Every node remembers its line and column, so that errors can name the place.
 */
public final class LocatedYaml {

  /**
   * A node: a map (insertion-ordered), a list, or a scalar (String, Integer, Long, Double,
   * Boolean or null).
   */
  public record Node(Object value, int line, int column) {

    /** Whether this node is a map. */
    public boolean isMap() {
      return value instanceof Map;
    }

    /** Whether this node is a list. */
    public boolean isList() {
      return value instanceof List;
    }

    /** The entries of a map node. */
    @SuppressWarnings("unchecked")
    public Map<String, Node> map() {
      return (Map<String, Node>) value;
    }

    /** The elements of a list node. */
    @SuppressWarnings("unchecked")
    public List<Node> list() {
      return (List<Node>) value;
    }
  }

  private LocatedYaml() {}

  /**
   * Reads the YAML file at {@code path}.
   *
   * @param kind    what the file is, e.g. "a YAML evidence file"
   * @param content what it holds, for the message on an empty file
   * @throws InvalidInputException listing every problem as FILE:LINE:COLUMN: message
   */
  public static Node read(Path path, String kind, String content) {
    List<Problem> problems = new ArrayList<>();
    org.detente.scenario.Node root =
        new YamlReader(path.toString(), problems, kind, content).read(path);
    return located(root, problems);
  }

  /** Parses YAML text; {@code file} names it in errors. */
  public static Node parse(String file, String text, String kind, String content) {
    List<Problem> problems = new ArrayList<>();
    org.detente.scenario.Node root = new YamlReader(file, problems, kind, content)
        .parse(text.getBytes(StandardCharsets.UTF_8));
    return located(root, problems);
  }

  private static Node located(org.detente.scenario.Node root, List<Problem> problems) {
    if (root == null || !problems.isEmpty()) {
      throw new InvalidInputException(Message.PROBLEMS, ScenarioLoader.tidy(problems).stream()
          .map(Problem::toString).collect(Collectors.joining("\n")));
    }
    return convert(root);
  }

  private static Node convert(org.detente.scenario.Node n) {
    return switch (n.kind) {
      case MAP -> {
        Map<String, Node> m = new LinkedHashMap<>();
        for (Map.Entry<String, org.detente.scenario.Node> e : n.entries.entrySet()) {
          m.put(e.getKey(), convert(e.getValue()));
        }
        yield new Node(m, n.line, n.column);
      }
      case LIST -> {
        List<Node> l = new ArrayList<>();
        for (org.detente.scenario.Node i : n.items) {
          l.add(convert(i));
        }
        yield new Node(l, n.line, n.column);
      }
      case STRING -> new Node(n.text, n.line, n.column);
      case NUMBER -> new Node(number(n), n.line, n.column);
      case BOOLEAN -> new Node(Boolean.valueOf(n.text), n.line, n.column);
      case NULL -> new Node(null, n.line, n.column);
    };
  }

  private static Object number(org.detente.scenario.Node n) {
    double v = n.number;
    if (n.integral && Math.abs(v) <= Integer.MAX_VALUE) {
      return (int) v;
    }
    if (n.integral && Math.abs(v) < 9.0e18) {
      return (long) v;
    }
    return v;
  }
}
