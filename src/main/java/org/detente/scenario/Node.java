package org.detente.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was written (1-based line and column), so that every
 * problem found while binding or validating can point at the file position.
 */
final class Node {

  /** Node shape. */
  enum Kind {
    MAP,
    LIST,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  final Kind kind;
  final int line;
  final int column;
  /** Entries of a map, in file order. */
  final LinkedHashMap<String, Node> entries;
  /** Position of each key of a map. */
  final Map<String, int[]> keyPositions;
  /** Items of a list. */
  final List<Node> items;
  /** Scalar text as written (without quotes). */
  final String text;
  /** Numeric value of a NUMBER (may be infinite for out-of-range input). */
  final double number;
  /** Whether a NUMBER was written as an integer. */
  final boolean integral;

  private Node(
      Kind kind, int line, int column, String text, double number, boolean integral) {
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.text = text;
    this.number = number;
    this.integral = integral;
    this.entries = kind == Kind.MAP ? new LinkedHashMap<>() : null;
    this.keyPositions = kind == Kind.MAP ? new LinkedHashMap<>() : null;
    this.items = kind == Kind.LIST ? new ArrayList<>() : null;
  }

  static Node map(int line, int column) {
    return new Node(Kind.MAP, line, column, null, Double.NaN, false);
  }

  static Node list(int line, int column) {
    return new Node(Kind.LIST, line, column, null, Double.NaN, false);
  }

  static Node string(String text, int line, int column) {
    return new Node(Kind.STRING, line, column, text, Double.NaN, false);
  }

  static Node number(String text, double value, boolean integral, int line, int column) {
    return new Node(Kind.NUMBER, line, column, text, value, integral);
  }

  static Node bool(boolean value, int line, int column) {
    return new Node(Kind.BOOLEAN, line, column, Boolean.toString(value), Double.NaN, false);
  }

  static Node nil(int line, int column) {
    return new Node(Kind.NULL, line, column, "null", Double.NaN, false);
  }

  boolean isMap() {
    return kind == Kind.MAP;
  }

  boolean isList() {
    return kind == Kind.LIST;
  }

  boolean isScalar() {
    return kind != Kind.MAP && kind != Kind.LIST;
  }

  /** Entry of a map, or null. */
  Node get(String key) {
    return entries == null ? null : entries.get(key);
  }

  /** Position of a map key, falling back to the map's own position. */
  int[] keyPosition(String key) {
    int[] p = keyPositions == null ? null : keyPositions.get(key);
    return p != null ? p : new int[] {line, column};
  }

  void put(String key, Node value, int keyLine, int keyColumn) {
    entries.put(key, value);
    keyPositions.put(key, new int[] {keyLine, keyColumn});
  }

  /** Deep copy that keeps the original positions. */
  Node copy() {
    Node c = new Node(kind, line, column, text, number, integral);
    if (kind == Kind.MAP) {
      for (Map.Entry<String, Node> e : entries.entrySet()) {
        int[] p = keyPosition(e.getKey());
        c.put(e.getKey(), e.getValue().copy(), p[0], p[1]);
      }
    } else if (kind == Kind.LIST) {
      for (Node n : items) {
        c.items.add(n.copy());
      }
    }
    return c;
  }

  /** A short description of the node's type for error messages. */
  String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case STRING -> "the text '" + abbreviate(text) + "'";
      case NUMBER -> "the number " + abbreviate(text);
      case BOOLEAN -> "the boolean " + text;
      case NULL -> "null";
    };
  }

  static String abbreviate(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
  }

  /** The equivalent Jackson tree (positions are dropped). */
  JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (kind) {
      case MAP -> {
        ObjectNode o = f.objectNode();
        entries.forEach((k, v) -> o.set(k, v.toJson()));
        yield o;
      }
      case LIST -> {
        ArrayNode a = f.arrayNode();
        items.forEach(n -> a.add(n.toJson()));
        yield a;
      }
      case STRING -> f.textNode(text);
      case NUMBER -> integral && Math.abs(number) < 9.0e15 ? f.numberNode((long) number)
          : f.numberNode(number);
      case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(text));
      case NULL -> f.nullNode();
    };
  }
}
