package org.detente.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.detente.DetenteException;
import org.detente.scenario.Problem;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScenarioLoader;

/**
 * The scenarios the web application offers: the bundled ones (read only) and the user's own
 * (saved from the editor into the user's folder, shadowing a bundled one of the same name). A
 * name is a plain file name ({@link #NAME}): no folder, no path traversal.
 */
public final class ScenarioLibrary {

  /** A scenario's file name: letters, digits, dots, hyphens, underscores, ending .yaml/.yml. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}\\.ya?ml");

  /** Largest scenario accepted from the browser. */
  public static final int MAX_BYTES = 512 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path bundled;
  private final Path user;

  /**
   * @param bundled the folder of the bundled scenarios (may be absent)
   * @param user the folder the editor saves into (created when first saved to)
   */
  public ScenarioLibrary(Path bundled, Path user) {
    this.bundled = bundled;
    this.user = user;
  }

  /** Every scenario: name, source (bundled or user), id and title (or the first problem). */
  public ArrayNode list() throws IOException {
    TreeMap<String, Path> all = new TreeMap<>();
    TreeMap<String, String> source = new TreeMap<>();
    for (Path dir : new Path[] {bundled, user}) {
      if (dir == null || !Files.isDirectory(dir)) {
        continue;
      }
      try (var s = Files.list(dir)) {
        for (Path p : s.sorted().limit(500).toList()) {
          String n = p.getFileName().toString();
          if (NAME.matcher(n).matches() && Files.isRegularFile(p)) {
            all.put(n, p);
            source.put(n, dir == user ? "user" : "bundled");
          }
        }
      }
    }
    ArrayNode a = JSON.createArrayNode();
    for (var e : all.entrySet()) {
      ObjectNode o = a.addObject();
      o.put("name", e.getKey());
      o.put("source", source.get(e.getKey()));
      try {
        Scenario s = ScenarioLoader.load(e.getValue());
        o.put("id", s.meta().id());
        o.put("title", s.meta().title());
        ArrayNode pol = o.putArray("policies");
        s.policies().forEach(x -> pol.add(x.id()));
      } catch (DetenteException ex) {
        o.put("problem", ex.getMessage().replace(e.getValue().toString(), e.getKey()));
      }
    }
    return a;
  }

  /** The text of scenario {@code name} (the user's copy first). */
  public String read(String name) throws IOException {
    Path p = find(name);
    if (Files.size(p) > MAX_BYTES) {
      throw new WebError(413, name + ": larger than " + MAX_BYTES + " bytes");
    }
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private Path find(String name) {
    check(name);
    for (Path dir : new Path[] {user, bundled}) {
      if (dir != null) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    throw new WebError(404, "no scenario '" + name + "'");
  }

  static void check(String name) {
    check(name, "scenario");
  }

  /** Refuses a name that is not a plain file name ({@link #NAME}) of a {@code what} file. */
  static void check(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new WebError(400, "a" + (what.matches("[aeiou].*") ? "n " : " ") + what
          + " name is a file name of letters, digits, '.', '-' and"
          + " '_' ending in .yaml or .yml (no folders), got '" + (name == null ? ""
          : name.length() > 60 ? name.substring(0, 60) + "…" : name) + "'");
    }
  }

  /**
   * The loader's problems with {@code text} as scenario {@code name}: each with its line,
   * column, field and message, and the whole as {@code NAME:LINE:COLUMN: field: message}.
   */
  public ObjectNode validate(String name, String text) throws IOException {
    check(name);
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new WebError(413, name + ": larger than " + MAX_BYTES + " bytes");
    }
    Path tmp = Files.createTempDirectory("detente-web-validate");
    try {
      Path f = tmp.resolve(name);
      Files.writeString(f, text, StandardCharsets.UTF_8);
      List<Problem> problems = ScenarioLoader.validate(f);
      ObjectNode o = JSON.createObjectNode();
      ArrayNode a = o.putArray("problems");
      String prefix = f.toString();
      for (Problem p : problems) {
        ObjectNode x = a.addObject();
        x.put("line", p.line());
        x.put("column", p.column());
        x.put("field", p.path());
        x.put("message", p.message());
        x.put("text", p.toString().replace(prefix, name));
      }
      if (problems.isEmpty()) {
        try {
          Scenario s = ScenarioLoader.load(f);
          o.put("id", s.meta().id());
          o.put("title", s.meta().title());
        } catch (DetenteException e) {
          ObjectNode x = a.addObject();
          x.put("line", 0);
          x.put("column", 0);
          x.put("field", "");
          x.put("message", e.getMessage().replace(prefix, name));
          x.put("text", e.getMessage().replace(prefix, name));
        }
      }
      o.put("valid", a.isEmpty());
      return o;
    } finally {
      WebServer.deleteTree(tmp);
    }
  }

  /** Saves {@code text} as the user's scenario {@code name} if it is valid; says what was done. */
  public ObjectNode save(String name, String text) throws IOException {
    ObjectNode v = validate(name, text);
    if (!v.get("valid").asBoolean()) {
      v.put("saved", false);
      return v;
    }
    Files.createDirectories(user);
    Path tmp = Files.createTempFile(user, ".saving-", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, user.resolve(name), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    v.put("saved", true);
    return v;
  }
}
