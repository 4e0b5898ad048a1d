package org.detente.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Loads and validates scenario files (format: {@code docs/scenario-reference.md}).
 *
 * <p>The file is read into a tree that keeps the line and column of every value; the selected
 * policies are applied to the tree; the patched tree is then checked for shape (fields, types,
 * units) and meaning (references, probabilities, priors, ranges, symmetry) and bound into the
 * immutable {@link Scenario} records. Every problem is reported, not just the first, and no input
 * makes the loader fail with anything but a {@link ScenarioException}.
 */
public final class ScenarioLoader {

  private ScenarioLoader() {}

  /**
   * Loads a scenario with the given policies applied in order.
   *
   * @param file      the YAML file
   * @param policyIds ids of policies defined in the file's {@code policies} section
   * @return the validated scenario; its {@link Meta#appliedPolicies()} lists {@code policyIds}
   * @throws ScenarioException listing every problem found
   */
  public static Scenario load(Path file, List<String> policyIds) {
    List<Problem> problems = new ArrayList<>();
    String name = file.toString();
    Scenario s = null;
    try {
      Node root = new YamlReader(name, problems).read(file);
      if (root != null) {
        Node patched = applyPolicies(root, policyIds, name, problems);
        if (patched != null) {
          s = new Binder(name, problems).bind(patched, policyIds);
        }
        if (problems.isEmpty()) {
          // one verdict for one file: a policy that validate rejects makes the file unusable
          // even when it is not selected
          checkOtherPolicies(root, policyIds, name, problems);
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      problems.add(internalError(name, e));
    }
    if (!problems.isEmpty() || s == null) {
      if (problems.isEmpty()) {
        problems.add(new Problem(name, 0, 0, "", "scenario could not be built"));
      }
      throw new ScenarioException(tidy(problems));
    }
    return s;
  }

  /** Loads a scenario without policies. */
  public static Scenario load(Path file) {
    return load(file, List.of());
  }

  /**
   * Validates a scenario file: the file as written, and the file with each of its policies
   * applied alone (problems that only a policy causes are prefixed with its id).
   *
   * @return every problem found, in file order; empty when the file is valid
   */
  public static List<Problem> validate(Path file) {
    return validate(file, List.of());
  }

  /**
   * Validates a scenario file with the given policies applied together (as {@code load} would),
   * and additionally each policy of the file alone.
   */
  public static List<Problem> validate(Path file, List<String> policyIds) {
    List<Problem> problems = new ArrayList<>();
    String name = file.toString();
    try {
      Node root = new YamlReader(name, problems).read(file);
      if (root == null) {
        return tidy(problems);
      }
      Node patched = applyPolicies(root, policyIds, name, problems);
      if (patched != null) {
        new Binder(name, problems).bind(patched, policyIds);
      }
      if (!problems.isEmpty()) {
        return tidy(problems);
      }
      checkOtherPolicies(root, policyIds, name, problems);
    } catch (RuntimeException | StackOverflowError e) {
      problems.add(internalError(name, e));
    }
    return tidy(problems);
  }

  /**
   * Checks each policy of the file that is not among {@code policyIds}, applied on top of them;
   * its problems are prefixed with its id.
   */
  private static void checkOtherPolicies(Node root, List<String> policyIds, String name,
      List<Problem> problems) {
    for (String id : policyIdsIn(root)) {
      if (policyIds.contains(id)) {
        continue;
      }
      List<Problem> own = new ArrayList<>();
      List<String> ids = new ArrayList<>(policyIds);
      ids.add(id);
      Node p = applyPolicies(root, ids, name, own);
      if (p != null) {
        new Binder(name, own).bind(p, ids);
      }
      for (Problem pr : tidy(own)) {
        problems.add(new Problem(pr.file(), pr.line(), pr.column(), pr.path(),
            "with policy '" + id + "': " + pr.message()));
      }
    }
  }

  /**
   * Last-resort report of a defect in the loader itself (the property tests aim to keep this
   * unreachable); names the error type without a stack trace.
   */
  private static Problem internalError(String file, Throwable e) {
    return new Problem(file, 0, 0, "", "internal error while reading the scenario ("
        + e.getClass().getSimpleName() + "); please report it with this file");
  }

  /** Ids of the policies defined in the tree (well-formed entries only). */
  static List<String> policyIdsIn(Node root) {
    List<String> ids = new ArrayList<>();
    Node list = root.isMap() ? root.get("policies") : null;
    if (list == null || !list.isList()) {
      return ids;
    }
    for (Node p : list.items) {
      Node id = p.isMap() ? p.get("id") : null;
      if (id != null && id.kind == Node.Kind.STRING && !ids.contains(id.text)) {
        ids.add(id.text);
      }
    }
    return ids;
  }

  /**
   * Returns a patched copy of the tree, or null when a policy is unknown or a patch does not
   * apply (problems recorded).
   */
  static Node applyPolicies(Node root, List<String> policyIds, String file,
      List<Problem> problems) {
    if (policyIds.isEmpty()) {
      return root;
    }
    int before = problems.size();
    List<String> available = policyIdsIn(root);
    Node policies = root.isMap() ? root.get("policies") : null;
    Node copy = root.copy();
    Patcher patcher = new Patcher(file, problems);
    List<String> seen = new ArrayList<>();
    for (String id : policyIds) {
      if (seen.contains(id)) {
        problems.add(new Problem(file, 0, 0, "", "policy '" + id + "' is selected twice"));
        continue;
      }
      seen.add(id);
      Node def = null;
      if (policies != null && policies.isList()) {
        for (Node p : policies.items) {
          Node pid = p.isMap() ? p.get("id") : null;
          if (pid != null && pid.kind == Node.Kind.STRING && pid.text.equals(id)) {
            def = p;
            break;
          }
        }
      }
      if (def == null) {
        String msg = "unknown policy '" + id + "'" + Suggest.didYouMean(id, available)
            + (available.isEmpty() ? "; this scenario defines no policies"
                : "; available: " + String.join(", ", available));
        int line = policies != null ? policies.line : 0;
        int col = policies != null ? policies.column : 0;
        problems.add(new Problem(file, line, col, "policies", msg));
        continue;
      }
      Node patches = def.get("patches");
      String ppath = "policies[" + id + "].patches";
      if (patches == null || !patches.isList()) {
        problems.add(new Problem(file, def.line, def.column, "policies[" + id + "]",
            "policy has no list of 'patches'"));
        continue;
      }
      for (int i = 0; i < patches.items.size(); i++) {
        Node m = patches.items.get(i);
        String where = ppath + "[" + i + "]";
        List<Problem> shapeProblems = new ArrayList<>();
        Policy.Patch patch = new Binder(file, shapeProblems).patch(m, where);
        if (patch == null) {
          problems.addAll(shapeProblems);
          continue;
        }
        Node value = patch.op().equals("remove") ? null : m.get("value");
        patcher.apply(copy, patch.op(), patch.path(), value, m.get(patch.op()), where);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return copy;
  }

  /** Removes duplicates and sorts by position (whole-file problems first). */
  static List<Problem> tidy(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(new LinkedHashSet<>(problems));
    out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return out;
  }
}
