package org.detente.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies policy patches to a scenario tree before it is bound into records.
 *
 * <p>Paths are dotted field names with list selectors: {@code relations[USA-RUS].channel},
 * {@code events[thug-insult]}, {@code actors[RUS].motives[conquer-europe].prior},
 * {@code alliances}. A selector matches a list element by its {@code id}, {@code name},
 * {@code actor} or {@code between} pair (either order), or by a 0-based index.
 */
final class Patcher {

  /** Operations a patch may perform. */
  static final List<String> OPS = List.of("set", "add", "remove");

  private final String file;
  private final List<Problem> problems;

  Patcher(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** One segment of a patch path: a field name followed by zero or more selectors. */
  record Segment(String field, List<String> selectors) {}

  /** Parses a path; null (with a reason in {@code why[0]}) when malformed. */
  static List<Segment> parsePath(String path, String[] why) {
    List<Segment> segs = new ArrayList<>();
    int i = 0;
    int n = path.length();
    if (n == 0) {
      why[0] = "empty path";
      return null;
    }
    while (i < n) {
      int start = i;
      while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
        i++;
      }
      String field = path.substring(start, i).trim();
      if (field.isEmpty()) {
        why[0] = "missing field name at character " + (start + 1);
        return null;
      }
      List<String> sels = new ArrayList<>();
      while (i < n && path.charAt(i) == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          why[0] = "unclosed '['";
          return null;
        }
        String sel = path.substring(i + 1, close).trim();
        if (sel.isEmpty()) {
          why[0] = "empty selector '[]'";
          return null;
        }
        sels.add(sel);
        i = close + 1;
      }
      segs.add(new Segment(field, List.copyOf(sels)));
      if (i < n) {
        if (path.charAt(i) != '.') {
          why[0] = "unexpected '" + path.charAt(i) + "' at character " + (i + 1);
          return null;
        }
        i++;
        if (i == n) {
          why[0] = "path ends with '.'";
          return null;
        }
      }
    }
    return segs;
  }

  /** Whether a list element matches a selector. */
  static boolean matches(Node item, String selector, int index) {
    if (selector.chars().allMatch(Character::isDigit) && selector.length() < 9) {
      return Integer.parseInt(selector) == index;
    }
    if (!item.isMap()) {
      return item.kind == Node.Kind.STRING && selector.equals(item.text);
    }
    for (String k : List.of("id", "name", "actor")) {
      Node v = item.get(k);
      if (v != null && v.kind == Node.Kind.STRING && selector.equals(v.text)) {
        return true;
      }
    }
    Node between = item.get("between");
    if (between != null && between.isList() && between.items.size() == 2) {
      String a = between.items.get(0).text;
      String b = between.items.get(1).text;
      return selector.equals(a + "-" + b) || selector.equals(b + "-" + a);
    }
    return false;
  }

  /** Candidate selectors of a list, for suggestions. */
  static List<String> selectorsOf(Node list) {
    List<String> out = new ArrayList<>();
    for (Node item : list.items) {
      if (!item.isMap()) {
        continue;
      }
      for (String k : List.of("id", "name", "actor")) {
        Node v = item.get(k);
        if (v != null && v.kind == Node.Kind.STRING) {
          out.add(v.text);
          break;
        }
      }
      Node between = item.get("between");
      if (between != null && between.isList() && between.items.size() == 2) {
        out.add(between.items.get(0).text + "-" + between.items.get(1).text);
      }
    }
    return out;
  }

  /**
   * Applies one patch in place. Returns false (after recording a problem located at the patch)
   * when the path does not exist or the operation does not fit it.
   *
   * @param root      the scenario tree
   * @param op        set, add or remove
   * @param path      the patch path
   * @param value     the new value for set and add (copied), null for remove
   * @param at        the patch node, for error positions
   * @param where     the patch's field path, e.g. {@code policies[no-insults].patches[0]}
   */
  boolean apply(Node root, String op, String path, Node value, Node at, String where) {
    String[] why = new String[1];
    List<Segment> segs = parsePath(path, why);
    if (segs == null) {
      err(at, where, "malformed path '" + path + "': " + why[0]);
      return false;
    }
    if (segs.get(0).field().equals("policies")) {
      err(at, where, "a policy cannot patch the policies section");
      return false;
    }
    // walk to the parent container of the last step
    Node cur = root;
    Node parent = null;
    String lastKey = null;
    int lastIndex = -1;
    StringBuilder walked = new StringBuilder();
    for (int s = 0; s < segs.size(); s++) {
      Segment seg = segs.get(s);
      if (!cur.isMap()) {
        err(at, where, "path '" + path + "' does not exist: '" + walked + "' is not a mapping");
        return false;
      }
      if (walked.length() > 0) {
        walked.append('.');
      }
      walked.append(seg.field());
      Node next = cur.get(seg.field());
      boolean last = s == segs.size() - 1 && seg.selectors().isEmpty();
      if (next == null) {
        boolean creatable = last && (op.equals("set") || op.equals("add"));
        if (!creatable) {
          err(at, where, "path '" + path + "' does not exist: no field '" + walked + "'"
              + Suggest.didYouMean(seg.field(), cur.entries.keySet()));
          return false;
        }
      }
      parent = cur;
      lastKey = seg.field();
      lastIndex = -1;
      cur = next;
      for (String sel : seg.selectors()) {
        if (cur == null || !cur.isList()) {
          err(at, where, "path '" + path + "' does not exist: '" + walked + "' is not a list");
          return false;
        }
        int found = -1;
        for (int i = 0; i < cur.items.size(); i++) {
          if (matches(cur.items.get(i), sel, i)) {
            found = i;
            break;
          }
        }
        walked.append('[').append(sel).append(']');
        if (found < 0) {
          err(at, where, "path '" + path + "' does not exist: no element '" + sel + "' in '"
              + walked.substring(0, walked.lastIndexOf("[")) + "'"
              + Suggest.didYouMean(sel, selectorsOf(cur)));
          return false;
        }
        parent = cur;
        lastKey = null;
        lastIndex = found;
        cur = cur.items.get(found);
      }
    }
    switch (op) {
      case "set" -> {
        Node v = value.copy();
        if (lastKey != null) {
          int[] kp = parent.keyPosition(lastKey);
          if (!parent.entries.containsKey(lastKey)) {
            kp = new int[] {at.line, at.column};
          }
          parent.put(lastKey, v, kp[0], kp[1]);
        } else {
          parent.items.set(lastIndex, v);
        }
        return true;
      }
      case "add" -> {
        if (cur == null) {
          Node list = Node.list(at.line, at.column);
          list.items.add(value.copy());
          parent.put(lastKey, list, at.line, at.column);
          return true;
        }
        if (!cur.isList()) {
          err(at, where, "'add' needs a list, but '" + path + "' is " + cur.describe()
              + "; use 'set' to replace a value");
          return false;
        }
        cur.items.add(value.copy());
        return true;
      }
      case "remove" -> {
        if (lastKey != null) {
          parent.entries.remove(lastKey);
          parent.keyPositions.remove(lastKey);
        } else {
          parent.items.remove(lastIndex);
        }
        return true;
      }
      default -> {
        err(at, where, "unknown operation '" + op + "', expected set, add or remove");
        return false;
      }
    }
  }

  private void err(Node at, String path, String message) {
    problems.add(new Problem(file, at.line, at.column, path, message));
  }
}
