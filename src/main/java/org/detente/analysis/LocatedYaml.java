package org.detente.analysis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.InvalidInputException;

/**
 * A YAML document read into a small tree whose every node remembers its line and column, so that
 * errors can name the place in the file.
 */
public final class LocatedYaml {

  /** A node: a map (insertion-ordered), a list, or a scalar (String, Number, Boolean or null). */
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

  private final String file;

  private LocatedYaml(String file) {
    this.file = file;
  }

  /** Reads the YAML file at {@code path}. */
  public static Node read(Path path) {
    String name = path.toString();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return new LocatedYaml(name).parse(r);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(Message.TEXT, name + ": no such file");
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String where = l == null ? name : name + ":" + l.getLineNr() + ":" + l.getColumnNr();
      throw new InvalidInputException(Message.TEXT, where + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidInputException(Message.TEXT, name + ": cannot read: " + e.getMessage());
    }
  }

  /** Parses YAML text; {@code file} names it in errors. */
  public static Node parse(String file, String text) {
    try (Reader r = new java.io.StringReader(text)) {
      return new LocatedYaml(file).parse(r);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String where = l == null ? file : file + ":" + l.getLineNr() + ":" + l.getColumnNr();
      throw new InvalidInputException(Message.TEXT, where + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidInputException(Message.TEXT, file + ": cannot read: " + e.getMessage());
    }
  }

  private Node parse(Reader reader) throws IOException {
    try (JsonParser p = new YAMLFactory().createParser(reader)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new InvalidInputException(Message.TEXT, file + ":1:1: the file is empty");
      }
      return node(p);
    }
  }

  private Node node(JsonParser p) throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation kl = p.currentTokenLocation();
          if (m.containsKey(key)) {
            throw new InvalidInputException(Message.TEXT, file + ":" + kl.getLineNr() + ":" + kl.getColumnNr()
                + ": duplicate key '" + key + "'");
          }
          p.nextToken();
          m.put(key, node(p));
        }
        return new Node(m, line, col);
      }
      case START_ARRAY -> {
        List<Node> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(node(p));
        }
        return new Node(l, line, col);
      }
      case VALUE_STRING -> {
        return new Node(p.getText(), line, col);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Node(p.getNumberValue(), line, col);
      }
      case VALUE_TRUE -> {
        return new Node(Boolean.TRUE, line, col);
      }
      case VALUE_FALSE -> {
        return new Node(Boolean.FALSE, line, col);
      }
      case VALUE_NULL -> {
        return new Node(null, line, col);
      }
      default -> throw new InvalidInputException(Message.TEXT, file + ":" + line + ":" + col + ": unexpected YAML token " + t);
    }
  }
}
