package org.detente.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.detente.Message;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into a {@link Node} tree with positions. Never throws on bad input: every
 * problem (missing file, binary data, YAML syntax, duplicate keys, excessive nesting) is added
 * to the problem list with the best position available, and null is returned.
 */
final class YamlReader {

  /** Largest accepted file. */
  static final int MAX_BYTES = Limits.MAX_BYTES;
  /** Deepest accepted nesting of lists and mappings. */
  static final int MAX_DEPTH = Limits.MAX_DEPTH;

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH + 10)
                  .maxNumberLength(400)
                  .maxStringLength(MAX_BYTES)
                  .build())
          .build();

  /** What a scenario file is, in messages. */
  static final String SCENARIO = "a YAML scenario file";
  /** What a scenario holds, in the message for an empty file. */
  static final String SCENARIO_CONTENT = "a scenario with meta, actors and theaters";

  private final String file;
  private final List<Problem> problems;
  private final String kind;
  private final String empty;

  /** A reader of scenario files. */
  YamlReader(String file, List<Problem> problems) {
    this(file, problems, SCENARIO, SCENARIO_CONTENT);
  }

  /**
   * A reader of other YAML inputs.
   *
   * @param kind    what the file is, e.g. "a YAML evidence file"
   * @param content what it holds, for the message on an empty file
   */
  YamlReader(String file, List<Problem> problems, String kind, String content) {
    this.file = file;
    this.problems = problems;
    this.kind = kind;
    this.empty = Message.FILE_EMPTY.format(content);
  }

  /** Reads and parses the file; null when it cannot be read or parsed. */
  Node read(Path path) {
    String why = InputFiles.refusal(path, MAX_BYTES, kind);
    byte[] bytes = null;
    if (why == null) {
      try {
        bytes = InputFiles.readAtMost(path, MAX_BYTES);
        if (bytes == null) {
          why = Message.FILE_TOO_LARGE.format(InputFiles.size(MAX_BYTES), kind);
        }
      } catch (NoSuchFileException e) {
        why = Message.NO_SUCH_FILE.format();
      } catch (IOException | SecurityException e) {
        why = Message.CANNOT_READ.format(e.getMessage());
      }
    }
    if (why != null) {
      problems.add(new Problem(file, 0, 0, "", why));
      return null;
    }
    return parse(bytes);
  }

  /** Parses YAML text given as bytes (UTF-8). */
  Node parse(byte[] bytes) {
    String text = decode(bytes);
    if (text == null) {
      return null;
    }
    return parse(text);
  }

  private String decode(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        int[] lc = lineColumn(bytes, i);
        problems.add(
            new Problem(file, lc[0], lc[1], "",
                "binary data (a NUL byte) found; expected a UTF-8 YAML text file"));
        return null;
      }
    }
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      int[] lc = lineColumn(bytes, in.position());
      problems.add(
          new Problem(file, lc[0], lc[1], "",
              "invalid UTF-8 byte sequence; expected a UTF-8 YAML text file"));
      return null;
    }
    try {
      dec.flush(out);
    } catch (IllegalStateException e) {
      // decoding already complete
    }
    out.flip();
    String s = out.toString();
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    return s;
  }

  private static int[] lineColumn(byte[] bytes, int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  /** Parses YAML text. */
  Node parse(String text) {
    if (text.isBlank() || onlyComments(text)) {
      problems.add(new Problem(file, 0, 0, "", empty));
      return null;
    }
    int before = problems.size();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(new Problem(file, 0, 0, "", empty));
        return null;
      }
      Node root = readValue(p, t, 0, "");
      if (root == null || problems.size() > before) {
        return null;
      }
      JsonToken extra = p.nextToken();
      if (extra != null) {
        JsonLocation loc = p.currentTokenLocation();
        problems.add(
            new Problem(file, loc.getLineNr(), loc.getColumnNr(), "",
                "a second YAML document starts here; " + kind + " holds exactly one document"));
        return null;
      }
      return root;
    } catch (JacksonException e) {
      problems.add(fromParseError(e));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(file, 0, 0, "", "cannot read YAML: " + firstLine(e.getMessage())));
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      // SnakeYAML signals some syntax errors with unchecked exceptions
      Problem pr = fromThrowable(e);
      problems.add(pr);
      return null;
    }
  }

  private static boolean onlyComments(String text) {
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#") && !t.equals("---") && !t.equals("...")) {
        return false;
      }
    }
    return true;
  }

  private Node readValue(JsonParser p, JsonToken t, int depth, String path) throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    if (depth > MAX_DEPTH) {
      String shown = path.length() > 80 ? path.substring(0, 77) + "..." : path;
      problems.add(
          new Problem(file, line, col, shown,
              "nesting deeper than " + MAX_DEPTH + " levels; " + kind + " needs far fewer"));
      return null;
    }
    switch (t) {
      case START_OBJECT -> {
        Node map = Node.map(line, col);
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          JsonLocation kl = p.currentTokenLocation();
          String key = p.currentName();
          String childPath = path.isEmpty() ? key : path + "." + key;
          JsonToken vt = p.nextToken();
          Node v = readValue(p, vt, depth + 1, childPath);
          if (v == null) {
            return null;
          }
          if (map.entries.containsKey(key)) {
            int[] first = map.keyPosition(key);
            problems.add(
                new Problem(file, kl.getLineNr(), kl.getColumnNr(), childPath,
                    "duplicate key '" + key + "' (first given at line " + first[0] + ")"));
            continue;
          }
          map.put(key, v, kl.getLineNr(), kl.getColumnNr());
        }
        if (k != JsonToken.END_OBJECT) {
          problems.add(new Problem(file, line, col, path, "unterminated mapping"));
          return null;
        }
        return map;
      }
      case START_ARRAY -> {
        Node list = Node.list(line, col);
        JsonToken it;
        int i = 0;
        while ((it = p.nextToken()) != JsonToken.END_ARRAY) {
          if (it == null) {
            problems.add(new Problem(file, line, col, path, "unterminated list"));
            return null;
          }
          Node v = readValue(p, it, depth + 1, path + "[" + i + "]");
          if (v == null) {
            return null;
          }
          list.items.add(v);
          i++;
        }
        return list;
      }
      case VALUE_STRING -> {
        return Node.string(p.getText(), line, col);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String txt = p.getText();
        double v;
        try {
          v = p.getDoubleValue();
        } catch (IOException | RuntimeException e) {
          v = Double.POSITIVE_INFINITY;
        }
        return Node.number(txt, v, t == JsonToken.VALUE_NUMBER_INT, line, col);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        // YAML 1.2 core schema: only true/false are booleans; yes/no/on/off (YAML 1.1) stay
        // text, so that e.g. the country code NO (Norway) is not read as false
        String txt = p.getText();
        if (txt != null && !txt.equalsIgnoreCase("true") && !txt.equalsIgnoreCase("false")) {
          return Node.string(txt, line, col);
        }
        return Node.bool(t == JsonToken.VALUE_TRUE, line, col);
      }
      case VALUE_NULL -> {
        return Node.nil(line, col);
      }
      default -> {
        String txt = p.getText();
        return Node.string(txt == null ? "" : txt, line, col);
      }
    }
  }

  private Problem fromParseError(JacksonException e) {
    Throwable c = e;
    while (c != null) {
      if (c instanceof MarkedYAMLException m) {
        return fromMarked(m);
      }
      c = c.getCause();
    }
    JsonLocation loc = e.getLocation();
    String msg = e.getOriginalMessage();
    String friendly = friendly(msg);
    if (loc != null && loc.getLineNr() > 0) {
      return new Problem(file, loc.getLineNr(), loc.getColumnNr(), "", friendly);
    }
    return new Problem(file, 0, 0, "", friendly);
  }

  private Problem fromThrowable(Throwable e) {
    Throwable c = e;
    while (c != null) {
      if (c instanceof MarkedYAMLException m) {
        return fromMarked(m);
      }
      c = c.getCause();
    }
    if (e instanceof StackOverflowError) {
      return new Problem(file, 0, 0, "", "input nested too deeply");
    }
    return new Problem(file, 0, 0, "", "cannot parse YAML: " + friendly(e.getMessage()));
  }

  private Problem fromMarked(MarkedYAMLException m) {
    Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
    int line = mark == null ? 0 : mark.getLine() + 1;
    int col = mark == null ? 0 : mark.getColumn() + 1;
    String problem = m.getProblem() != null ? m.getProblem() : m.getMessage();
    return new Problem(file, line, col, "", friendly(problem));
  }

  String friendly(String raw) {
    if (raw == null) {
      return "invalid YAML";
    }
    String s = firstLine(raw);
    String lower = raw.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("(tab)") || lower.contains("'\t'")) {
      return "tab character found: YAML indentation must use spaces, not tabs";
    }
    if (lower.contains("mapping values are not allowed")) {
      return "unexpected ':' here: check the indentation, or quote a value that contains ': '";
    }
    if (lower.contains("could not find expected ':'")) {
      return "expected 'key: value' here: check the indentation and quotes";
    }
    if (lower.contains("special characters are not allowed")
        || lower.contains("unacceptable code point")) {
      return "control or binary characters found; expected a UTF-8 YAML text file";
    }
    if (lower.contains("found undefined alias") || lower.contains("found unknown alias")) {
      return "undefined alias (*name) used";
    }
    if (lower.contains("nesting depth") || lower.contains("nesting")) {
      return "nesting deeper than " + MAX_DEPTH + " levels; " + kind + " needs far fewer";
    }
    if (lower.contains("expected a field name")) {
      return "a key must be plain text, not a list or a mapping";
    }
    if (lower.contains("number value length") || lower.contains("number length")) {
      return "number with too many digits";
    }
    if (lower.contains("code point") && lower.contains("exceed")) {
      return "file too large";
    }
    return "invalid YAML: " + withoutClassNames(s);
  }

  /** The parser's text without the program class names it may quote ("<org.yaml...>"). */
  private static String withoutClassNames(String s) {
    return s.replaceAll("<?\\b(?:org\\.yaml|com\\.fasterxml|java)\\.[\\w.$]+(?:\\([^)]*\\))?>?",
        "(YAML event)");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    String r = i < 0 ? s : s.substring(0, i);
    return r.length() > 200 ? r.substring(0, 200) + "..." : r;
  }
}
