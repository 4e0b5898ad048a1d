package org.detente.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.model.Action;
import org.detente.model.Outcome;
import org.detente.model.ParameterCatalog;
import org.detente.model.ParameterSpec;
import org.detente.model.Units;

/**
 * Binds a (policy-patched) scenario tree into the immutable records, checking shape and meaning
 * on the way. Every problem is recorded with its position; binding goes on after a problem so
 * that all problems are reported at once.
 */
final class Binder {

  static final List<String> SECTIONS =
      List.of("meta", "actors", "theaters", "routes", "relations", "alliances", "issues",
          "events", "policies", "questions", "parameters", "principals");

  /** Allowed fields of each object type (the JSON Schema's $defs use the same names). */
  static final Map<String, List<String>> FIELDS = fieldTable();

  private static Map<String, List<String>> fieldTable() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("meta", List.of("id", "title", "description", "source", "asOf", "timeStep", "horizon"));
    m.put("actor", List.of(
        "id", "name", "kind", "members", "population", "gdp", "milex", "riskAttitude",
        "forces", "arsenal", "doctrine", "resolve", "motives", "sponsor", "attribution"));
    m.put("force", List.of("theater", "troops", "effectiveness"));
    m.put("arsenal", List.of("strategic", "nonStrategic"));
    m.put("warheads", List.of("warheads", "yield"));
    m.put("doctrine", List.of("firstUse", "threshold", "retaliation"));
    m.put("resolve", List.of("levels", "prior"));
    m.put("motive", List.of(
        "id", "description", "source", "prior", "territory", "regimeSecurity", "deter",
        "allianceCohesion", "issues"));
    m.put("deter", List.of("actor", "weight"));
    m.put("issueStake", List.of("position", "salience"));
    m.put("theater", List.of(
        "id", "name", "adjacent", "control", "home", "terrain", "lat", "lon",
        "targets"));
    m.put("target", List.of("name", "kind", "country", "lat", "lon"));
    m.put("route", List.of("from", "to", "weeks", "mode", "capacity"));
    m.put("relation", List.of("between", "channel", "hostility", "rhetoric", "mediator",
        "mediation"));
    m.put("mediation", List.of("credibility", "leverage"));
    m.put("alliance", List.of("id", "name", "members"));
    m.put("allianceMember", List.of("actor", "credibility"));
    m.put("issue", List.of("id", "name", "description", "positions", "territory"));
    m.put("issueTerritory", List.of("theater", "at0", "at100"));
    m.put("issuePosition", List.of("actor", "position", "salience", "capability"));
    m.put("event", List.of(
        "id", "week", "actor", "target", "action", "theater", "description", "source"));
    m.put("policy", List.of("id", "description", "patches"));
    m.put("patch", List.of("set", "add", "remove", "value"));
    m.put("question", List.of(
        "id", "text", "source", "kind", "actor", "target", "actions", "theater",
        "outcomes", "within", "week", "from", "to", "above"));
    m.put("parameter", List.of("name", "value", "range", "source"));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static final Pattern ACTOR_ID = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");
  private static final Pattern THEATER_ID = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");
  private static final double PRIOR_TOLERANCE = 1e-6;
  private static final int MAX_STEPS = Limits.MAX_STEPS;

  private final String file;
  private final List<Problem> problems;

  private final Map<String, Node> actorNodes = new LinkedHashMap<>();
  private final Map<String, Node> theaterNodes = new LinkedHashMap<>();
  private final Set<String> issueIds = new LinkedHashSet<>();
  private int stepDays = 7;
  private int horizonSteps = -1;

  Binder(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  // ------------------------------------------------------------------ root

  Scenario bind(Node root, List<String> appliedPolicies) {
    if (!root.isMap()) {
      err(root, "", "expected a mapping with the sections " + String.join(", ", SECTIONS)
          + "; got " + root.describe());
      return null;
    }
    fields(root, "", SECTIONS);
    for (String required : List.of("meta", "actors", "theaters")) {
      Node sec = root.get(required);
      if (sec == null) {
        err(root, "", "missing required section '" + required + "'");
      } else if (!required.equals("meta")
          && (sec.kind == Node.Kind.NULL || (sec.isList() && sec.items.isEmpty()))) {
        err(sec, required, "expected a list with at least one entry");
      }
    }
    collectIds(root);
    Meta meta = meta(root.get("meta"), appliedPolicies);
    List<Actor> actors = new ArrayList<>();
    forEach(root, "actors", (n, p, i) -> addIfValid(actors, actor(n, p)));
    checkSponsorCycles(actors);
    List<Theater> theaters = new ArrayList<>();
    forEach(root, "theaters", (n, p, i) -> addIfValid(theaters, theater(n, p)));
    checkAdjacency();
    List<Route> routes = new ArrayList<>();
    forEach(root, "routes", (n, p, i) -> addIfValid(routes, route(n, p, routes)));
    List<Relation> relations = new ArrayList<>();
    Set<String> pairs = new LinkedHashSet<>();
    forEach(root, "relations", (n, p, i) -> addIfValid(relations, relation(n, p, pairs)));
    List<Alliance> alliances = new ArrayList<>();
    Set<String> allianceIds = new LinkedHashSet<>();
    forEach(root, "alliances", (n, p, i) -> addIfValid(alliances, alliance(n, p, allianceIds)));
    List<Issue> issues = new ArrayList<>();
    forEach(root, "issues", (n, p, i) -> addIfValid(issues, issue(n, p)));
    List<ScriptedEvent> events = new ArrayList<>();
    Set<String> eventIds = new LinkedHashSet<>();
    forEach(root, "events", (n, p, i) -> addIfValid(events, event(n, p, eventIds)));
    List<Policy> policies = new ArrayList<>();
    Set<String> policyIds = new LinkedHashSet<>();
    forEach(root, "policies", (n, p, i) -> addIfValid(policies, policy(n, p, policyIds)));
    List<Question> questions = new ArrayList<>();
    Set<String> questionIds = new LinkedHashSet<>();
    forEach(root, "questions", (n, p, i) -> addIfValid(questions, question(n, p, questionIds)));
    List<Parameter> parameters = new ArrayList<>();
    Set<String> paramNames = new LinkedHashSet<>();
    forEach(root, "parameters", (n, p, i) -> addIfValid(parameters, parameter(n, p, paramNames)));
    List<String> principals = principals(root.get("principals"));
    if (meta == null) {
      return null;
    }
    return new Scenario(meta, actors, theaters, relations, alliances, issues, events, policies,
        questions, parameters, principals, routes);
  }

  private static <T> void addIfValid(List<T> list, T item) {
    if (item != null) {
      list.add(item);
    }
  }

  private interface ItemFn {
    void accept(Node item, String path, int index);
  }

  /** Iterates a top-level list section, building readable element paths. */
  private void forEach(Node root, String section, ItemFn fn) {
    Node list = root.get(section);
    if (list == null || list.kind == Node.Kind.NULL) {
      return;
    }
    eachItem(list, section, fn);
  }

  private void eachItem(Node list, String path, ItemFn fn) {
    if (!list.isList()) {
      err(list, path, "expected a list; got " + list.describe());
      return;
    }
    for (int i = 0; i < list.items.size(); i++) {
      Node item = list.items.get(i);
      fn.accept(item, path + "[" + label(item, i) + "]", i);
    }
  }

  private static String label(Node item, int index) {
    if (item.isMap()) {
      for (String k : List.of("id", "name", "actor", "theater")) {
        Node v = item.get(k);
        if (v != null && v.kind == Node.Kind.STRING && !v.text.isBlank()
            && v.text.length() <= 40 && !v.text.contains("]")) {
          return v.text;
        }
      }
      Node b = item.get("between");
      if (b != null && b.isList() && b.items.size() == 2
          && b.items.get(0).kind == Node.Kind.STRING && b.items.get(1).kind == Node.Kind.STRING) {
        return b.items.get(0).text + "-" + b.items.get(1).text;
      }
    }
    return Integer.toString(index);
  }

  /** First pass: ids of actors, theaters and issues, with duplicate checks. */
  private void collectIds(Node root) {
    Node actors = root.get("actors");
    if (actors != null && actors.isList() && actors.items.size() > Limits.MAX_ACTORS) {
      err(actors, "actors", Message.LIMIT.format(actors.items.size(), "actors",
          Limits.MAX_ACTORS, "a run's memory grows with the square of the number of actors"));
    }
    collect(actors, "actors", actorNodes);
    collect(root.get("theaters"), "theaters", theaterNodes);
    Map<String, Node> issues = new LinkedHashMap<>();
    collect(root.get("issues"), "issues", issues);
    issueIds.addAll(issues.keySet());
    Node meta = root.get("meta");
    if (meta != null && meta.isMap()) {
      // the clock is needed to check weeks and durations everywhere
      Node ts = meta.get("timeStep");
      if (ts != null && ts.kind == Node.Kind.STRING) {
        try {
          double d = Units.days(ts.text);
          if (d >= 1 && Math.abs(d - Math.rint(d)) < 1e-9) {
            stepDays = (int) Math.rint(d);
          }
        } catch (InvalidInputException e) {
          // reported by meta()
        }
      }
      Node h = meta.get("horizon");
      if (h != null && h.kind == Node.Kind.STRING) {
        try {
          double steps = Units.days(h.text) / stepDays;
          if (steps >= 1 && Math.abs(steps - Math.rint(steps)) < 1e-9 && steps <= MAX_STEPS) {
            horizonSteps = (int) Math.rint(steps);
          }
        } catch (InvalidInputException e) {
          // reported by meta()
        }
      }
    }
  }

  private void collect(Node list, String section, Map<String, Node> into) {
    if (list == null || !list.isList()) {
      return;
    }
    for (int i = 0; i < list.items.size(); i++) {
      Node item = list.items.get(i);
      if (!item.isMap()) {
        continue;
      }
      Node id = item.get("id");
      if (id == null || id.kind != Node.Kind.STRING) {
        continue;
      }
      if (into.containsKey(id.text)) {
        Node first = into.get(id.text);
        err(id, section + "[" + id.text + "].id", "duplicate id '" + id.text
            + "' (first defined at line " + first.line + ")");
      } else {
        into.put(id.text, item);
      }
    }
  }

  // ------------------------------------------------------------------ sections

  private Meta meta(Node n, List<String> applied) {
    String path = "meta";
    if (n == null) {
      return null;
    }
    if (!fields(n, path, FIELDS.get("meta"))) {
      return null;
    }
    String id = id(n, "id", path, true, SLUG, "a lower-case id with dashes, e.g. us-russia-2022");
    String title = text(n, "title", path, true);
    String description = text(n, "description", path, false);
    String source = text(n, "source", path, false);
    LocalDate asOf = null;
    Node d = req(n, "asOf", path);
    if (d != null) {
      if (d.kind != Node.Kind.STRING) {
        err(d, path + ".asOf", "expected a date YYYY-MM-DD, e.g. 2022-03-21; got " + d.describe());
      } else {
        try {
          asOf = LocalDate.parse(d.text.trim());
        } catch (DateTimeParseException e) {
          err(d, path + ".asOf", "expected a date YYYY-MM-DD, e.g. 2022-03-21; got '"
              + Node.abbreviate(d.text) + "'");
        }
      }
    }
    int step = 7;
    Node ts = n.get("timeStep");
    if (ts != null) {
      double days = quantity(n, "timeStep", path, false, Double.NaN, Units::days);
      if (!Double.isNaN(days)) {
        if (days < 1 || Math.abs(days - Math.rint(days)) > 1e-9) {
          err(ts, path + ".timeStep", "time step must be a whole number of days (at least 1 day)");
        } else {
          step = (int) Math.rint(days);
        }
      }
    }
    int horizon = 0;
    Node h = req(n, "horizon", path);
    if (h != null) {
      double days = quantity(n, "horizon", path, true, Double.NaN, Units::days);
      if (!Double.isNaN(days)) {
        double steps = days / step;
        if (steps < 1) {
          err(h, path + ".horizon", "horizon must be at least one time step (" + step + " days)");
        } else if (Math.abs(steps - Math.rint(steps)) > 1e-9) {
          err(h, path + ".horizon", "horizon of " + fmt(days) + " days is not a whole number of "
              + step + "-day time steps");
        } else if (steps > MAX_STEPS) {
          err(h, path + ".horizon", "horizon longer than " + MAX_STEPS + " time steps");
        } else {
          horizon = (int) Math.rint(steps);
        }
      }
    }
    if (asOf == null || id == null || title == null) {
      return null;
    }
    return new Meta(id, title, nz(description), nz(source), asOf, step, horizon, applied);
  }

  private Actor actor(Node n, String path) {
    if (!fields(n, path, FIELDS.get("actor"))) {
      return null;
    }
    String id = id(n, "id", path, true, ACTOR_ID,
        "an upper-case id, ISO 3166 alpha-3 where one exists (e.g. RUS, NATO)");
    String name = text(n, "name", path, true);
    ActorKind kind = enumValue(n, "kind", path, false, ActorKind.class, ActorKind.STATE);
    boolean state = kind == ActorKind.STATE;
    boolean armed = kind != null && kind.armed();
    List<String> members = new ArrayList<>();
    Node mem = n.get("members");
    if (mem != null && mem.kind != Node.Kind.NULL) {
      if (armed) {
        err(mem, path + ".members", "a " + yamlName(kind) + " actor has no members; use kind"
            + " alliance, bloc or region");
      }
      stringList(mem, path + ".members", (s, node, p) -> {
        if (checkActor(s, node, p) && s.equals(id)) {
          err(node, p, "an actor cannot be its own member");
        }
        if (members.contains(s)) {
          err(node, p, "duplicate member '" + s + "'");
        }
        members.add(s);
      });
    }
    boolean needsEconomy = state;
    double pop = quantity(n, "population", path, state || kind == ActorKind.REGION, 0,
        Units::millions);
    double gdp = quantity(n, "gdp", path, false, Double.NaN, Units::bnUsd);
    double milex = quantity(n, "milex", path, needsEconomy, 0, Units::bnUsd);
    double risk = number(n, "riskAttitude", path, false, 0, -1, 1);
    List<Force> forces = new ArrayList<>();
    Node fl = n.get("forces");
    if (fl != null && fl.kind != Node.Kind.NULL) {
      if (!armed) {
        err(fl, path + ".forces", "only a state or a non-state armed group holds forces of its"
            + " own; give them to its members");
      }
      Set<String> seen = new LinkedHashSet<>();
      eachItem(fl, path + ".forces", (f, p, i) -> {
        Force force = force(f, p);
        if (force != null) {
          if (!seen.add(force.theater())) {
            err(f, p, "second force entry for theater '" + force.theater() + "'; merge them");
          }
          forces.add(force);
        }
      });
    }
    Arsenal arsenal = Arsenal.NONE;
    Node an = n.get("arsenal");
    if (an != null && an.kind != Node.Kind.NULL) {
      if (kind == ActorKind.NON_STATE) {
        err(an, path + ".arsenal", "a non-state actor holds no nuclear arsenal (give the"
            + " warheads to a state, e.g. its sponsor)");
      } else if (!state) {
        err(an, path + ".arsenal", "only a state holds a nuclear arsenal");
      }
      arsenal = arsenal(an, path + ".arsenal");
    }
    Doctrine doctrine = Doctrine.NONE;
    Node dn = n.get("doctrine");
    if (dn != null && dn.kind != Node.Kind.NULL) {
      doctrine = doctrine(dn, path + ".doctrine");
      if (doctrine != null && doctrine.firstUse() != DoctrineKind.NONE && arsenal != null
          && !arsenal.nuclear()) {
        err(dn, path + ".doctrine.firstUse", "a nuclear doctrine needs nuclear warheads in "
            + "'arsenal'; use 'firstUse: none' for a non-nuclear actor");
      }
    } else if (arsenal != null && arsenal.nuclear()) {
      err(n, path, "a nuclear-armed actor needs a 'doctrine' (firstUse, threshold, retaliation)");
    }
    Resolve resolve = Resolve.KNOWN;
    Node rn = n.get("resolve");
    if (rn != null && rn.kind != Node.Kind.NULL) {
      resolve = resolve(rn, path + ".resolve");
    }
    List<Motive> motives = new ArrayList<>();
    Node ml = n.get("motives");
    if (ml != null && ml.kind != Node.Kind.NULL) {
      Set<String> seen = new LinkedHashSet<>();
      double[] sum = {0};
      boolean[] allPriors = {true};
      eachItem(ml, path + ".motives", (m, p, i) -> {
        Motive motive = motive(m, p, id, seen);
        if (motive != null) {
          motives.add(motive);
          sum[0] += motive.prior();
        } else {
          allPriors[0] = false;
        }
      });
      if (allPriors[0] && !motives.isEmpty() && Math.abs(sum[0] - 1.0) > PRIOR_TOLERANCE) {
        err(ml, path + ".motives", "motive priors must sum to 1; they sum to " + fmt(sum[0]));
      }
    }
    String sponsor = actorRef(n, "sponsor", path, false);
    if (sponsor != null) {
      if (sponsor.equals(id)) {
        err(n.get("sponsor"), path + ".sponsor", "an actor cannot sponsor itself");
        sponsor = null;
      } else if (!armed) {
        err(n.get("sponsor"), path + ".sponsor", "only a state or a non-state actor has a"
            + " sponsor, not a" + (kind == ActorKind.ALLIANCE ? "n " : " ") + yamlName(kind));
      } else {
        ActorKind sk = declaredKind(sponsor);
        if (sk != ActorKind.STATE) {
          err(n.get("sponsor"), path + ".sponsor", "the sponsor '" + sponsor + "' is "
              + (sk == null ? "not a valid actor" : "of kind " + yamlName(sk))
              + "; a sponsor must be a state");
        }
      }
    }
    double attribution = Actor.DEFAULT_ATTRIBUTION;
    Node at = n.get("attribution");
    if (at != null) {
      attribution = number(n, "attribution", path, false, Actor.DEFAULT_ATTRIBUTION, 0, 1);
      if (at.kind != Node.Kind.NULL && n.get("sponsor") == null) {
        err(at, path + ".attribution", "'attribution' needs a 'sponsor' (the state the victim"
            + " blames)");
      }
    }
    if (id == null || name == null || kind == null || doctrine == null || resolve == null
        || arsenal == null) {
      return null;
    }
    return new Actor(id, name, kind, members, pop, gdp, milex, risk, forces, arsenal, doctrine,
        resolve, motives, sponsor, sponsor == null ? 0 : attribution);
  }

  private Force force(Node n, String path) {
    if (!fields(n, path, FIELDS.get("force"))) {
      return null;
    }
    String theater = theaterRef(n, "theater", path, true);
    double troops = quantity(n, "troops", path, true, Double.NaN, Units::thousands);
    double eff = number(n, "effectiveness", path, false, 1.0, 0, 10);
    if (n.get("effectiveness") != null && eff == 0) {
      err(n.get("effectiveness"), path + ".effectiveness", "must be greater than 0");
    }
    if (theater == null || Double.isNaN(troops)) {
      return null;
    }
    return new Force(theater, troops, eff);
  }

  private Arsenal arsenal(Node n, String path) {
    if (!fields(n, path, FIELDS.get("arsenal"))) {
      return null;
    }
    double[] s = warheads(n.get("strategic"), path + ".strategic");
    double[] ns = warheads(n.get("nonStrategic"), path + ".nonStrategic");
    if (s == null || ns == null) {
      return null;
    }
    return new Arsenal((int) s[0], s[1], (int) ns[0], ns[1]);
  }

  private double[] warheads(Node n, String path) {
    if (n == null || n.kind == Node.Kind.NULL) {
      return new double[] {0, 0};
    }
    if (!fields(n, path, FIELDS.get("warheads"))) {
      return null;
    }
    int count = integer(n, "warheads", path, true, 0, 0, 100_000);
    double y = quantity(n, "yield", path, count > 0, 0, Units::yieldKt);
    if (count > 0 && y == 0 && n.get("yield") != null) {
      err(n.get("yield"), path + ".yield", "yield must be greater than 0");
    }
    if (count < 0 || Double.isNaN(y)) {
      return null;
    }
    return new double[] {count, y};
  }

  private Doctrine doctrine(Node n, String path) {
    if (!fields(n, path, FIELDS.get("doctrine"))) {
      return null;
    }
    DoctrineKind kind = enumValue(n, "firstUse", path, true, DoctrineKind.class, null);
    double threshold = number(n, "threshold", path, false, 1.0, 0, 1);
    double retaliation = number(n, "retaliation", path, false, 0.0, 0, 1);
    if (kind == null) {
      return null;
    }
    return new Doctrine(kind, threshold, retaliation);
  }

  private Resolve resolve(Node n, String path) {
    if (!fields(n, path, FIELDS.get("resolve"))) {
      return null;
    }
    List<Double> levels = numberList(n, "levels", path, 0, 100, true);
    List<Double> prior = numberList(n, "prior", path, 0, 1, false);
    if (levels == null || prior == null) {
      return null;
    }
    if (levels.isEmpty()) {
      err(n.get("levels"), path + ".levels", "expected at least one resolve level");
      return null;
    }
    if (levels.size() != prior.size()) {
      err(n.get("prior"), path + ".prior", "expected " + levels.size()
          + " probabilities, one per level; got " + prior.size());
      return null;
    }
    double sum = prior.stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - 1.0) > PRIOR_TOLERANCE) {
      err(n.get("prior"), path + ".prior", "prior must sum to 1; it sums to " + fmt(sum));
      return null;
    }
    return new Resolve(levels, prior);
  }

  private Motive motive(Node n, String path, String actorId, Set<String> seen) {
    if (!fields(n, path, FIELDS.get("motive"))) {
      return null;
    }
    String id = id(n, "id", path, true, SLUG, "a lower-case id with dashes, e.g. conquer-europe");
    if (id != null && !seen.add(id)) {
      err(n.get("id"), path + ".id", "duplicate motive id '" + id + "'");
    }
    String description = text(n, "description", path, true);
    String source = text(n, "source", path, false);
    double prior = number(n, "prior", path, true, Double.NaN, 0, 1);
    List<TheaterStake> territory = new ArrayList<>();
    Node t = n.get("territory");
    if (t != null && t.kind != Node.Kind.NULL) {
      if (!t.isMap()) {
        err(t, path + ".territory", "expected a mapping of theater id to value 0-1, e.g. "
            + "{UKR: 1.0}; got " + t.describe());
      } else {
        for (Map.Entry<String, Node> e : t.entries.entrySet()) {
          String p = path + ".territory." + e.getKey();
          int[] kp = t.keyPosition(e.getKey());
          if (!theaterNodes.containsKey(e.getKey())) {
            problems.add(new Problem(file, kp[0], kp[1], p, "unknown theater '" + e.getKey() + "'"
                + Suggest.didYouMean(e.getKey(), theaterNodes.keySet())));
          }
          double v = numberValue(e.getValue(), p, 0, 1);
          if (!Double.isNaN(v)) {
            territory.add(new TheaterStake(e.getKey(), v));
          }
        }
      }
    }
    double regime = number(n, "regimeSecurity", path, false, 0, 0, 1);
    String deterActor = null;
    double deterWeight = 0;
    Node dn = n.get("deter");
    if (dn != null && dn.kind != Node.Kind.NULL
        && fields(dn, path + ".deter", FIELDS.get("deter"))) {
      deterActor = actorRef(dn, "actor", path + ".deter", true);
      if (deterActor != null && deterActor.equals(actorId)) {
        err(dn.get("actor"), path + ".deter.actor", "an actor cannot deter itself");
      }
      deterWeight = number(dn, "weight", path + ".deter", true, 0, 0, 1);
    }
    double cohesion = number(n, "allianceCohesion", path, false, 0, 0, 1);
    List<IssueStake> stakes = new ArrayList<>();
    Node in = n.get("issues");
    if (in != null && in.kind != Node.Kind.NULL) {
      if (!in.isMap()) {
        err(in, path + ".issues", "expected a mapping of issue id to {position, salience}; got "
            + in.describe());
      } else {
        for (Map.Entry<String, Node> e : in.entries.entrySet()) {
          String p = path + ".issues." + e.getKey();
          int[] kp = in.keyPosition(e.getKey());
          if (!issueIds.contains(e.getKey())) {
            problems.add(new Problem(file, kp[0], kp[1], p, "unknown issue '" + e.getKey() + "'"
                + Suggest.didYouMean(e.getKey(), issueIds)));
          }
          Node v = e.getValue();
          if (fields(v, p, FIELDS.get("issueStake"))) {
            double pos = number(v, "position", p, true, Double.NaN, 0, 100);
            double sal = number(v, "salience", p, true, Double.NaN, 0, 100);
            if (!Double.isNaN(pos) && !Double.isNaN(sal)) {
              stakes.add(new IssueStake(e.getKey(), pos, sal));
            }
          }
        }
      }
    }
    if (id == null || description == null || Double.isNaN(prior)) {
      return null;
    }
    String full = source == null || source.isBlank() ? description
        : description.strip() + " Source: " + source.strip();
    return new Motive(id, full, prior, territory, regime, deterActor, deterWeight, cohesion,
        stakes);
  }

  private Theater theater(Node n, String path) {
    if (!fields(n, path, FIELDS.get("theater"))) {
      return null;
    }
    String id = id(n, "id", path, true, THEATER_ID, "an upper-case id with dashes, e.g. BLR-POL");
    String name = text(n, "name", path, true);
    List<String> adjacent = new ArrayList<>();
    Node adj = n.get("adjacent");
    if (adj != null && adj.kind != Node.Kind.NULL) {
      stringList(adj, path + ".adjacent", (s, node, p) -> {
        if (!theaterNodes.containsKey(s)) {
          err(node, p, "unknown theater '" + s + "'"
              + Suggest.didYouMean(s, theaterNodes.keySet()));
        } else if (s.equals(id)) {
          err(node, p, "a theater is not adjacent to itself");
        }
        if (adjacent.contains(s)) {
          err(node, p, "duplicate adjacent theater '" + s + "'");
        }
        adjacent.add(s);
      });
    }
    String control = actorRef(n, "control", path, true);
    String home = actorRef(n, "home", path, false);
    Terrain terrain = enumValue(n, "terrain", path, true, Terrain.class, null);
    double lat = number(n, "lat", path, true, Double.NaN, -90, 90);
    double lon = number(n, "lon", path, true, Double.NaN, -180, 180);
    List<Target> targets = new ArrayList<>();
    Node tl = n.get("targets");
    if (tl != null && tl.kind != Node.Kind.NULL) {
      Set<String> names = new LinkedHashSet<>();
      eachItem(tl, path + ".targets", (t, p, i) -> {
        Target target = target(t, p);
        if (target != null) {
          if (!names.add(target.name())) {
            err(t, p, "duplicate target '" + target.name() + "' in this theater");
          }
          targets.add(target);
        }
      });
    }
    if (id == null || name == null || control == null || terrain == null || Double.isNaN(lat)
        || Double.isNaN(lon)) {
      return null;
    }
    return new Theater(id, name, adjacent, control, home, terrain, lat, lon, targets);
  }

  private Target target(Node n, String path) {
    if (!fields(n, path, FIELDS.get("target"))) {
      return null;
    }
    String name = text(n, "name", path, true);
    TargetKind kind = enumValue(n, "kind", path, true, TargetKind.class, null);
    String country = id(n, "country", path, false, ALPHA2,
        "an ISO 3166 alpha-2 country code, e.g. PL");
    boolean hasLat = n.get("lat") != null;
    boolean hasLon = n.get("lon") != null;
    boolean lookUp = kind == TargetKind.CITY && !hasLat && !hasLon;
    if (kind == TargetKind.CITY && hasLat != hasLon) {
      err(n, path, "give both 'lat' and 'lon', or neither to look the city up in the GeoNames "
          + "data");
      return null;
    }
    double lat = lookUp ? Double.NaN : number(n, "lat", path, true, Double.NaN, -90, 90);
    double lon = lookUp ? Double.NaN : number(n, "lon", path, true, Double.NaN, -180, 180);
    if (name == null || kind == null) {
      return null;
    }
    if (kind == TargetKind.CITY) {
      double[] at = Cities.resolve(name, country, n.get("name"), path + ".name", lookUp, lat,
          lon, this::err);
      if (at == null) {
        return null;
      }
      lat = at[0];
      lon = at[1];
    }
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      return null;
    }
    return new Target(name, kind, country, lat, lon);
  }

  /**
   * A route between two different theaters, with a transit time of at least one step (not
   * beyond the horizon), a mode and an optional capacity; one route per pair and mode.
   */
  private Route route(Node n, String path, List<Route> earlier) {
    if (!fields(n, path, FIELDS.get("route"))) {
      return null;
    }
    String from = theaterRef(n, "from", path, true);
    String to = theaterRef(n, "to", path, true);
    if (from != null && from.equals(to)) {
      err(n.get("to"), path + ".to", "a route joins two different theaters; both ends are '"
          + from + "'");
      return null;
    }
    int steps = integer(n, "weeks", path, true, -1, 1, MAX_STEPS);
    if (steps > 0 && horizonSteps > 0 && steps > horizonSteps) {
      err(n.get("weeks"), path + ".weeks", "a transit of " + steps
          + " steps is longer than the horizon (" + horizonSteps + " steps)");
    }
    RouteMode mode = enumValue(n, "mode", path, true, RouteMode.class, null);
    double capacity = quantity(n, "capacity", path, false, Double.POSITIVE_INFINITY,
        Units::thousands);
    if (n.get("capacity") != null && !Double.isNaN(capacity) && capacity <= 0) {
      err(n.get("capacity"), path + ".capacity", "must be greater than 0 troops, e.g. '30k'");
      return null;
    }
    if (from == null || to == null || steps < 1 || mode == null || Double.isNaN(capacity)) {
      return null;
    }
    for (Route r : earlier) {
      if (r.joins(from, to) && r.mode() == mode) {
        err(n, path, "second " + yamlName(mode) + " route between '" + from + "' and '" + to
            + "'; one route per pair of theaters and mode");
        return null;
      }
    }
    return new Route(from, to, steps, mode, capacity);
  }

  /** Adjacency must be symmetric. */
  private void checkAdjacency() {
    for (Map.Entry<String, Node> e : theaterNodes.entrySet()) {
      String a = e.getKey();
      Node adj = e.getValue().get("adjacent");
      if (adj == null || !adj.isList()) {
        continue;
      }
      for (int i = 0; i < adj.items.size(); i++) {
        Node item = adj.items.get(i);
        if (item.kind != Node.Kind.STRING) {
          continue;
        }
        String b = item.text;
        Node other = theaterNodes.get(b);
        if (other == null || b.equals(a)) {
          continue;
        }
        Node otherAdj = other.get("adjacent");
        boolean back = false;
        if (otherAdj != null && otherAdj.isList()) {
          for (Node x : otherAdj.items) {
            back |= x.kind == Node.Kind.STRING && x.text.equals(a);
          }
        }
        if (!back) {
          err(item, "theaters[" + a + "].adjacent[" + i + "]", "adjacency is not symmetric: "
              + "theater '" + b + "' (line " + other.line + ") does not list '" + a
              + "' as adjacent");
        }
      }
    }
  }

  private Relation relation(Node n, String path, Set<String> pairs) {
    if (!fields(n, path, FIELDS.get("relation"))) {
      return null;
    }
    String a = null;
    String b = null;
    Node bt = req(n, "between", path);
    if (bt != null) {
      if (!bt.isList() || bt.items.size() != 2) {
        err(bt, path + ".between", "expected a list of two actor ids, e.g. [USA, RUS]; got "
            + bt.describe());
      } else {
        a = refValue(bt.items.get(0), path + ".between[0]", actorNodes.keySet(), "actor");
        b = refValue(bt.items.get(1), path + ".between[1]", actorNodes.keySet(), "actor");
        if (a != null && a.equals(b)) {
          err(bt, path + ".between", "a relation needs two different actors");
        } else if (a != null && b != null) {
          String key = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
          if (!pairs.add(key)) {
            err(bt, path + ".between", "second relation between " + a + " and " + b
                + "; one entry per pair");
          }
        }
      }
    }
    Channel channel = enumValue(n, "channel", path, true, Channel.class, null);
    double hostility = number(n, "hostility", path, true, Double.NaN, 0, 1);
    double rhetoric = number(n, "rhetoric", path, true, Double.NaN, 0, 1);
    String mediator = actorRef(n, "mediator", path, false);
    if (mediator != null && (mediator.equals(a) || mediator.equals(b))) {
      err(n.get("mediator"), path + ".mediator", "a mediator must be a third party, not '"
          + mediator + "'");
    }
    double credibility = Double.NaN;
    double leverage = Double.NaN;
    Node md = n.get("mediation");
    if (md != null && md.kind != Node.Kind.NULL) {
      if (n.get("mediator") == null || n.get("mediator").kind == Node.Kind.NULL) {
        err(md, path + ".mediation", "'mediation' needs a 'mediator' (the actor whose"
            + " credibility and leverage it states)");
      }
      if (fields(md, path + ".mediation", FIELDS.get("mediation"))) {
        credibility = number(md, "credibility", path + ".mediation", false, Double.NaN, 0, 1);
        leverage = number(md, "leverage", path + ".mediation", false, Double.NaN, 0, 1);
      }
    }
    if (a == null || b == null || channel == null || Double.isNaN(hostility)
        || Double.isNaN(rhetoric)) {
      return null;
    }
    return new Relation(a, b, channel, hostility, rhetoric, mediator, credibility, leverage);
  }

  private Alliance alliance(Node n, String path, Set<String> ids) {
    if (!fields(n, path, FIELDS.get("alliance"))) {
      return null;
    }
    String id = id(n, "id", path, true, ACTOR_ID, "an upper-case id with dashes, e.g. NATO-5");
    if (id != null && !ids.add(id)) {
      err(n.get("id"), path + ".id", "duplicate alliance id '" + id + "'");
    }
    String name = text(n, "name", path, true);
    List<AllianceMember> members = new ArrayList<>();
    Node ml = req(n, "members", path);
    if (ml != null) {
      Set<String> seen = new LinkedHashSet<>();
      eachItem(ml, path + ".members", (m, p, i) -> {
        if (!fields(m, p, FIELDS.get("allianceMember"))) {
          return;
        }
        String actor = actorRef(m, "actor", p, true);
        double cred = number(m, "credibility", p, true, Double.NaN, 0, 1);
        if (actor != null && !seen.add(actor)) {
          err(m, p, "duplicate member '" + actor + "'");
        }
        if (actor != null && declaredKind(actor) == ActorKind.NON_STATE) {
          err(m.get("actor"), p + ".actor", "'" + actor + "' is a non-state actor: it makes no"
              + " formal alliance in its own name (give it a 'sponsor' instead)");
        }
        if (actor != null && !Double.isNaN(cred)) {
          members.add(new AllianceMember(actor, cred));
        }
      });
      if (ml.isList() && ml.items.size() < 2) {
        err(ml, path + ".members", "an alliance needs at least two members");
      }
    }
    if (id == null || name == null) {
      return null;
    }
    return new Alliance(id, name, members);
  }

  private Issue issue(Node n, String path) {
    if (!fields(n, path, FIELDS.get("issue"))) {
      return null;
    }
    String id = id(n, "id", path, true, SLUG, "a lower-case id with dashes, e.g. ukraine-status");
    String name = text(n, "name", path, true);
    String description = text(n, "description", path, false);
    List<IssuePosition> positions = new ArrayList<>();
    Node pl = req(n, "positions", path);
    if (pl != null) {
      Set<String> seen = new LinkedHashSet<>();
      eachItem(pl, path + ".positions", (m, p, i) -> {
        if (!fields(m, p, FIELDS.get("issuePosition"))) {
          return;
        }
        String actor = actorRef(m, "actor", p, true);
        double pos = number(m, "position", p, true, Double.NaN, 0, 100);
        double sal = number(m, "salience", p, true, Double.NaN, 0, 100);
        double cap = number(m, "capability", p, true, Double.NaN, 0, 1e12);
        if (!Double.isNaN(cap) && cap <= 0) {
          err(m.get("capability"), p + ".capability", "must be greater than 0");
        }
        if (actor != null && !seen.add(actor)) {
          err(m, p, "second position for actor '" + actor + "' on this issue");
        }
        if (actor != null && !Double.isNaN(pos) && !Double.isNaN(sal) && !Double.isNaN(cap)) {
          positions.add(new IssuePosition(actor, pos, sal, cap));
        }
      });
      if (pl.isList() && pl.items.size() < 2) {
        err(pl, path + ".positions", "an issue needs the positions of at least two actors");
      }
    }
    IssueTerritory territory = null;
    Node tn = n.get("territory");
    if (tn != null && tn.kind != Node.Kind.NULL) {
      territory = issueTerritory(tn, path + ".territory");
    }
    if (id == null || name == null) {
      return null;
    }
    return new Issue(id, name, nz(description), positions, territory);
  }

  /** The theater an issue is about, with two different holders at its ends. */
  private IssueTerritory issueTerritory(Node n, String path) {
    if (!fields(n, path, FIELDS.get("issueTerritory"))) {
      return null;
    }
    String theater = theaterRef(n, "theater", path, true);
    String at0 = actorRef(n, "at0", path, true);
    String at100 = actorRef(n, "at100", path, true);
    if (at0 != null && at0.equals(at100)) {
      err(n.get("at100"), path + ".at100", "the holders at 0 and at 100 must be different actors;"
          + " both are '" + at0 + "'");
      return null;
    }
    if (theater == null || at0 == null || at100 == null) {
      return null;
    }
    return new IssueTerritory(theater, at0, at100);
  }

  private ScriptedEvent event(Node n, String path, Set<String> ids) {
    if (!fields(n, path, FIELDS.get("event"))) {
      return null;
    }
    String id = id(n, "id", path, true, SLUG, "a lower-case id with dashes, e.g. thug-insult");
    if (id != null && !ids.add(id)) {
      err(n.get("id"), path + ".id", "duplicate event id '" + id + "'");
    }
    int week = integer(n, "week", path, true, -1, 0, MAX_STEPS);
    if (week >= 0 && horizonSteps >= 0 && week > horizonSteps) {
      err(n.get("week"), path + ".week", "step " + week + " is after the horizon ("
          + horizonSteps + " steps)");
    }
    String actor = actorRef(n, "actor", path, true);
    String target = actorRef(n, "target", path, false);
    if (actor != null && actor.equals(target)) {
      err(n.get("target"), path + ".target", "an actor cannot target itself");
    }
    String action = actionRef(n.get("action"), path + ".action", n, true);
    String theater = theaterRef(n, "theater", path, false);
    String description = text(n, "description", path, true);
    String source = text(n, "source", path, false);
    if (id == null || week < 0 || actor == null || action == null || description == null) {
      return null;
    }
    return new ScriptedEvent(id, week, actor, target, action, theater, description, source);
  }

  private Policy policy(Node n, String path, Set<String> ids) {
    if (!fields(n, path, FIELDS.get("policy"))) {
      return null;
    }
    String id = id(n, "id", path, true, SLUG, "a lower-case id with dashes, e.g. open-channel");
    if (id != null && !ids.add(id)) {
      err(n.get("id"), path + ".id", "duplicate policy id '" + id + "'");
    }
    String description = text(n, "description", path, true);
    List<Policy.Patch> patches = new ArrayList<>();
    Node pl = req(n, "patches", path);
    if (pl != null) {
      eachItem(pl, path + ".patches", (m, p, i) -> {
        Policy.Patch patch = patch(m, p);
        if (patch != null) {
          patches.add(patch);
        }
      });
      if (pl.isList() && pl.items.isEmpty()) {
        err(pl, path + ".patches", "a policy needs at least one patch");
      }
    }
    if (id == null || description == null) {
      return null;
    }
    return new Policy(id, description, patches);
  }

  /** Checks a patch's shape; null when malformed (the problem is recorded). */
  Policy.Patch patch(Node m, String p) {
    if (!fields(m, p, FIELDS.get("patch"))) {
      return null;
    }
    List<String> ops = new ArrayList<>();
    for (String op : Patcher.OPS) {
      if (m.get(op) != null) {
        ops.add(op);
      }
    }
    if (ops.size() != 1) {
      err(m, p, "a patch needs exactly one of 'set', 'add' or 'remove' (with the path as its "
          + "value)" + (ops.isEmpty() ? "" : "; got " + String.join(", ", ops)));
      return null;
    }
    String op = ops.get(0);
    String target = text(m, op, p, true);
    if (target == null) {
      return null;
    }
    String[] why = new String[1];
    if (Patcher.parsePath(target, why) == null) {
      err(m.get(op), p + "." + op, "malformed path '" + target + "': " + why[0]);
      return null;
    }
    Node value = m.get("value");
    if (op.equals("remove")) {
      if (value != null) {
        err(value, p + ".value", "'remove' takes no value");
        return null;
      }
      return new Policy.Patch(op, target, null);
    }
    if (value == null) {
      err(m, p, "'" + op + "' needs a 'value'");
      return null;
    }
    JsonNode json = value.toJson();
    return new Policy.Patch(op, target, json);
  }

  /** The declared principal adversaries: two different actors, or empty when not declared. */
  private List<String> principals(Node n) {
    if (n == null || n.kind == Node.Kind.NULL) {
      return List.of();
    }
    if (!n.isList() || n.items.size() != 2) {
      err(n, "principals", "expected a list of two actor ids, e.g. [USA, RUS]; got "
          + n.describe());
      return List.of();
    }
    String a = refValue(n.items.get(0), "principals[0]", actorNodes.keySet(), "actor");
    String b = refValue(n.items.get(1), "principals[1]", actorNodes.keySet(), "actor");
    if (a != null && a.equals(b)) {
      err(n, "principals", "the principals are two different actors");
      return List.of();
    }
    return a == null || b == null ? List.of() : List.of(a, b);
  }

  private Question question(Node n, String path, Set<String> ids) {
    if (!fields(n, path, FIELDS.get("question"))) {
      return null;
    }
    String id = id(n, "id", path, true, SLUG, "a lower-case id with dashes, e.g. nuclear-use");
    if (id != null && !ids.add(id)) {
      err(n.get("id"), path + ".id", "duplicate question id '" + id + "'");
    }
    String text = text(n, "text", path, true);
    String source = text(n, "source", path, false);
    QuestionKind kind = enumValue(n, "kind", path, true, QuestionKind.class, null);
    boolean actorOptional = kind == QuestionKind.OUTCOME || kind == QuestionKind.DEAL_ENDED_WAR
        || kind == QuestionKind.DEATHS;
    String actor = actorRef(n, "actor", path, kind != null && !actorOptional);
    String target = actorRef(n, "target", path, kind == QuestionKind.CHANNEL_SEVERED);
    String theater = theaterRef(n, "theater", path,
        kind == QuestionKind.CONTROL || kind == QuestionKind.HOLDS);
    if (target != null && kind != null && kind != QuestionKind.ACTION
        && kind != QuestionKind.CHANNEL_SEVERED && kind != QuestionKind.DEAL_ENDED_WAR) {
      err(n.get("target"), path + ".target", "'target' applies only to questions of kind action,"
          + " channel-severed and deal-ended-war");
    }
    if (target != null && actor == null && kind == QuestionKind.DEAL_ENDED_WAR) {
      err(n.get("target"), path + ".target", "a 'target' needs an 'actor'");
    }
    if (theater != null && kind != null && kind != QuestionKind.ACTION
        && kind != QuestionKind.CONTROL && kind != QuestionKind.HOLDS) {
      err(n.get("theater"), path + ".theater", "'theater' applies only to questions of kind"
          + " action, control and holds");
    }
    int[] window = holdingWindow(n, path, kind);
    double above = Double.NaN;
    Node ab = n.get("above");
    if (kind == QuestionKind.DEATHS && ab == null) {
      err(n, path, "missing required field 'above' for a question of kind deaths (a number of"
          + " deaths, e.g. 10000)");
    }
    if (ab != null) {
      if (kind != null && kind != QuestionKind.DEATHS) {
        err(ab, path + ".above", "'above' applies only to questions of kind deaths");
      } else {
        above = number(n, "above", path, false, Double.NaN, 0, 1e12);
      }
    }
    List<String> actions = new ArrayList<>();
    Node al = n.get("actions");
    if (kind == QuestionKind.ACTION && al == null) {
      err(n, path, "missing required field 'actions' for a question of kind action");
    }
    if (al != null && al.kind != Node.Kind.NULL) {
      if (kind != null && kind != QuestionKind.ACTION) {
        err(al, path + ".actions", "'actions' applies only to questions of kind action");
      }
      if (al.isList() && al.items.isEmpty()) {
        err(al, path + ".actions", "expected at least one action id");
      }
      stringList(al, path + ".actions", (s, node, p) -> {
        if (actionRef(node, p, null, true) != null) {
          actions.add(s);
        }
      });
    }
    List<String> outcomes = new ArrayList<>();
    Node ol = n.get("outcomes");
    if (kind == QuestionKind.OUTCOME && ol == null) {
      err(n, path, "missing required field 'outcomes' for a question of kind outcome");
    }
    if (ol != null && ol.kind != Node.Kind.NULL) {
      if (kind != null && kind != QuestionKind.OUTCOME) {
        err(ol, path + ".outcomes", "'outcomes' applies only to questions of kind outcome");
      }
      if (ol.isList() && ol.items.isEmpty()) {
        err(ol, path + ".outcomes", "expected at least one outcome");
      }
      List<String> known = Arrays.stream(Outcome.values()).map(Outcome::id).toList();
      stringList(ol, path + ".outcomes", (s, node, p) -> {
        if (Outcome.byId(s) == null) {
          err(node, p, "unknown outcome '" + s + "'" + Suggest.didYouMean(s, known)
              + "; expected one of " + String.join(", ", known));
        } else {
          outcomes.add(s);
        }
      });
    }
    int within = horizonSteps < 0 ? 0 : horizonSteps;
    Node wn = n.get("within");
    if (wn != null) {
      double days = quantity(n, "within", path, false, Double.NaN, Units::days);
      if (!Double.isNaN(days)) {
        double steps = days / stepDays;
        if (Math.abs(steps - Math.rint(steps)) > 1e-9 || steps < 1) {
          err(wn, path + ".within", "must be a whole number of " + stepDays + "-day time steps");
        } else if (horizonSteps >= 0 && steps > horizonSteps) {
          err(wn, path + ".within", "is after the horizon (" + horizonSteps + " steps)");
        } else {
          within = (int) Math.rint(steps);
        }
      }
    }
    if (wn != null && kind == QuestionKind.HOLDS) {
      err(wn, path + ".within", "a question of kind holds has 'week' or 'from' and 'to', not"
          + " 'within'");
    }
    if (id == null || text == null || kind == null || window == null
        || (kind == QuestionKind.DEATHS && Double.isNaN(above))) {
      return null;
    }
    return new Question(id, text, source, kind, actor, target, actions, theater, outcomes,
        within, window[0], window[1], above);
  }

  /**
   * The holding window of a question of kind holds: {@code week}, or {@code from} and {@code
   * to} (time steps, 0 .. horizon, from ≤ to); {-1, -1} for the other kinds; null on a problem.
   */
  private int[] holdingWindow(Node n, String path, QuestionKind kind) {
    Node wk = n.get("week");
    Node fr = n.get("from");
    Node to = n.get("to");
    if (kind != QuestionKind.HOLDS) {
      for (String k : List.of("week", "from", "to")) {
        if (n.get(k) != null && kind != null) {
          err(n.get(k), path + "." + k, "'" + k + "' applies only to questions of kind holds");
        }
      }
      return new int[] {-1, -1};
    }
    int hi = horizonSteps < 0 ? MAX_STEPS : horizonSteps;
    if (wk != null) {
      if (fr != null || to != null) {
        err(wk, path + ".week", "give either 'week' or 'from' and 'to', not both");
        return null;
      }
      int w = integer(n, "week", path, true, -1, 0, hi);
      return w < 0 ? null : new int[] {w, w};
    }
    if (fr == null || to == null) {
      err(n, path, "missing required field " + (fr == null && to == null ? "'week' (or 'from' and"
          + " 'to')" : fr == null ? "'from'" : "'to'") + " for a question of kind holds");
      return null;
    }
    int f = integer(n, "from", path, true, -1, 0, hi);
    int t = integer(n, "to", path, true, -1, 0, hi);
    if (f < 0 || t < 0) {
      return null;
    }
    if (f > t) {
      err(to, path + ".to", "must not be before 'from' (" + f + ")");
      return null;
    }
    return new int[] {f, t};
  }

  private Parameter parameter(Node n, String path, Set<String> names) {
    if (!fields(n, path, FIELDS.get("parameter"))) {
      return null;
    }
    String name = text(n, "name", path, true);
    ParameterSpec spec = null;
    if (name != null) {
      spec = ParameterCatalog.byName(name);
      if (spec == null) {
        err(n.get("name"), path + ".name", "unknown parameter '" + name + "'"
            + Suggest.didYouMean(name, ParameterCatalog.names())
            + "; known parameters: " + String.join(", ", ParameterCatalog.names()));
      }
      if (!names.add(name)) {
        err(n.get("name"), path + ".name", "parameter '" + name + "' is set twice");
      }
    }
    double value = number(n, "value", path, true, Double.NaN, -1e300, 1e300);
    double lo = Double.NaN;
    double hi = Double.NaN;
    Node r = req(n, "range", path);
    if (r != null) {
      if (!r.isList() || r.items.size() != 2) {
        err(r, path + ".range", "expected [low, high], e.g. [2, 8]; got " + r.describe());
      } else {
        lo = numberValue(r.items.get(0), path + ".range[0]", -1e300, 1e300);
        hi = numberValue(r.items.get(1), path + ".range[1]", -1e300, 1e300);
        if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
          if (lo > hi) {
            err(r, path + ".range", "low " + fmt(lo) + " is above high " + fmt(hi));
          } else if (!Double.isNaN(value) && (value < lo || value > hi)) {
            err(n.get("value"), path + ".value", "value " + fmt(value) + " is outside its range ["
                + fmt(lo) + ", " + fmt(hi) + "]");
          }
        }
      }
    }
    String source = text(n, "source", path, true);
    if (name == null || spec == null || Double.isNaN(value) || Double.isNaN(lo)
        || Double.isNaN(hi) || source == null) {
      return null;
    }
    return new Parameter(name, value, lo, hi, source);
  }

  // ------------------------------------------------------------------ field helpers

  /**
   * Checks that a node is a mapping with only the allowed fields; reports each unknown field with
   * a suggestion. Returns false when the node is not a mapping.
   */
  boolean fields(Node n, String path, List<String> allowed) {
    if (!n.isMap()) {
      err(n, path, "expected a mapping with fields " + String.join(", ", allowed) + "; got "
          + n.describe());
      return false;
    }
    for (String key : n.entries.keySet()) {
      if (!allowed.contains(key)) {
        int[] p = n.keyPosition(key);
        String hint = Suggest.didYouMean(key, allowed);
        problems.add(new Problem(file, p[0], p[1], join(path, key), "unknown field '" + key + "'"
            + (hint.isEmpty() ? "; expected one of " + String.join(", ", allowed) : hint)));
      }
    }
    return true;
  }

  private Node req(Node map, String key, String path) {
    Node v = map.get(key);
    if (v == null) {
      err(map, path, "missing required field '" + key + "'");
    }
    return v;
  }

  /** Free text (any scalar is accepted as text); null when missing or invalid. */
  private String text(Node map, String key, String path, boolean required) {
    Node v = required ? req(map, key, path) : map.get(key);
    if (v == null || (!required && v.kind == Node.Kind.NULL)) {
      return null;
    }
    if (!v.isScalar() || v.kind == Node.Kind.NULL) {
      err(v, join(path, key), "expected text; got " + v.describe());
      return null;
    }
    if (required && v.text.isBlank()) {
      err(v, join(path, key), "must not be empty");
      return null;
    }
    return v.text;
  }

  /** An identifier matching a pattern. */
  private String id(Node map, String key, String path, boolean required, Pattern pattern,
      String expected) {
    Node v = required ? req(map, key, path) : map.get(key);
    if (v == null || (!required && v.kind == Node.Kind.NULL)) {
      return null;
    }
    if (v.kind != Node.Kind.STRING || !pattern.matcher(v.text).matches()) {
      err(v, join(path, key), "expected " + expected + "; got " + v.describe());
      return null;
    }
    return v.text;
  }

  private double number(Node map, String key, String path, boolean required, double dflt,
      double lo, double hi) {
    Node v = required ? req(map, key, path) : map.get(key);
    if (v == null) {
      return dflt;
    }
    double d = numberValue(v, join(path, key), lo, hi);
    return Double.isNaN(d) ? (required ? Double.NaN : dflt) : d;
  }

  /** A number in [lo, hi]; NaN (after reporting) when invalid. */
  private double numberValue(Node v, String path, double lo, double hi) {
    if (v.kind != Node.Kind.NUMBER) {
      String expected = lo == 0 && hi == 1 ? "a probability between 0 and 1"
          : "a number" + (hi < 1e299 ? " between " + fmt(lo) + " and " + fmt(hi) : "");
      err(v, path, "expected " + expected + "; got " + v.describe());
      return Double.NaN;
    }
    if (!Double.isFinite(v.number)) {
      err(v, path, "number out of range: " + Node.abbreviate(v.text));
      return Double.NaN;
    }
    if (v.number < lo || v.number > hi) {
      String what = lo == 0 && hi == 1 ? "a probability must be between 0 and 1"
          : "must be between " + fmt(lo) + " and " + fmt(hi);
      err(v, path, what + "; got " + Node.abbreviate(v.text));
      return Double.NaN;
    }
    return v.number;
  }

  private int integer(Node map, String key, String path, boolean required, int dflt, int lo,
      int hi) {
    Node v = required ? req(map, key, path) : map.get(key);
    if (v == null) {
      return dflt;
    }
    String p = join(path, key);
    if (v.kind != Node.Kind.NUMBER || !isWhole(v)) {
      err(v, p, "expected a whole number between " + lo + " and " + hi + "; got "
          + v.describe());
      return required ? -1 : dflt;
    }
    if (!Double.isFinite(v.number) || v.number < lo || v.number > hi) {
      err(v, p, "must be a whole number between " + lo + " and " + hi + "; got "
          + Node.abbreviate(v.text));
      return required ? -1 : dflt;
    }
    return (int) v.number;
  }

  private static boolean isWhole(Node v) {
    return v.integral || (Double.isFinite(v.number) && v.number == Math.rint(v.number));
  }

  private List<Double> numberList(Node map, String key, String path, double lo, double hi,
      boolean positive) {
    Node v = req(map, key, path);
    if (v == null) {
      return null;
    }
    String p = join(path, key);
    if (!v.isList()) {
      err(v, p, "expected a list of numbers; got " + v.describe());
      return null;
    }
    List<Double> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < v.items.size(); i++) {
      double d = numberValue(v.items.get(i), p + "[" + i + "]", lo, hi);
      if (!Double.isNaN(d) && positive && d <= 0) {
        err(v.items.get(i), p + "[" + i + "]", "must be greater than 0");
        d = Double.NaN;
      }
      ok &= !Double.isNaN(d);
      out.add(d);
    }
    return ok ? out : null;
  }

  /** A quantity with a unit (a bare number is an error "missing unit"). */
  private double quantity(Node map, String key, String path, boolean required, double dflt,
      ToDoubleFunction<String> parser) {
    Node v = required ? req(map, key, path) : map.get(key);
    if (v == null) {
      return required ? Double.NaN : dflt;
    }
    String p = join(path, key);
    if (v.kind != Node.Kind.STRING && v.kind != Node.Kind.NUMBER) {
      try {
        parser.applyAsDouble("");
      } catch (InvalidInputException e) {
        err(v, p, e.getMessage().replace("expected a number with a unit",
            "expected a quantity with a unit") + "; got " + v.describe());
      }
      return Double.NaN;
    }
    try {
      double d = parser.applyAsDouble(v.text);
      if (!Double.isFinite(d) || Math.abs(d) > 1e15) {
        err(v, p, "number out of range: " + Node.abbreviate(v.text));
        return Double.NaN;
      }
      return d;
    } catch (InvalidInputException e) {
      err(v, p, e.getMessage());
      return Double.NaN;
    }
  }

  private <E extends Enum<E>> E enumValue(Node map, String key, String path, boolean required,
      Class<E> type, E dflt) {
    Node v = required ? req(map, key, path) : map.get(key);
    if (v == null) {
      return dflt;
    }
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Binder::yamlName).toList();
    String p = join(path, key);
    if (v.kind != Node.Kind.STRING) {
      err(v, p, "expected one of " + String.join(", ", names) + "; got " + v.describe());
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (yamlName(e).equals(v.text)) {
        return e;
      }
    }
    err(v, p, "unknown value '" + Node.abbreviate(v.text) + "'" + Suggest.didYouMean(v.text, names)
        + "; expected one of " + String.join(", ", names));
    return null;
  }

  /** The YAML spelling of an enum constant: lower case with dashes. */
  static String yamlName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private interface StringItem {
    void accept(String value, Node node, String path);
  }

  private void stringList(Node v, String path, StringItem fn) {
    if (!v.isList()) {
      err(v, path, "expected a list of ids; got " + v.describe());
      return;
    }
    for (int i = 0; i < v.items.size(); i++) {
      Node item = v.items.get(i);
      String p = path + "[" + i + "]";
      if (item.kind != Node.Kind.STRING) {
        err(item, p, "expected an id; got " + item.describe());
        continue;
      }
      fn.accept(item.text, item, p);
    }
  }

  /** The kind an actor id is declared with (state when the field is absent), or null. */
  private ActorKind declaredKind(String actorId) {
    Node a = actorNodes.get(actorId);
    if (a == null) {
      return null;
    }
    Node k = a.get("kind");
    if (k == null) {
      return ActorKind.STATE;
    }
    if (k.kind != Node.Kind.STRING) {
      return null;
    }
    for (ActorKind e : ActorKind.values()) {
      if (yamlName(e).equals(k.text)) {
        return e;
      }
    }
    return null;
  }

  /** A cycle of sponsors (A sponsors B sponsors A) is an error, reported once per actor on it. */
  private void checkSponsorCycles(List<Actor> actors) {
    Map<String, String> sponsorOf = new LinkedHashMap<>();
    for (Actor a : actors) {
      if (a.sponsor() != null) {
        sponsorOf.put(a.id(), a.sponsor());
      }
    }
    for (Actor a : actors) {
      String s = a.sponsor();
      List<String> chain = new ArrayList<>(List.of(a.id()));
      while (s != null && !chain.contains(s) && chain.size() <= actors.size()) {
        chain.add(s);
        s = sponsorOf.get(s);
      }
      if (s != null && s.equals(a.id())) {
        chain.add(s);
        Node node = actorNodes.get(a.id());
        Node sp = node == null ? null : node.get("sponsor");
        err(sp != null ? sp : node, "actors[" + a.id() + "].sponsor", "a cycle of sponsors: "
            + String.join(" is sponsored by ", chain));
      }
    }
  }

  private boolean checkActor(String s, Node node, String path) {
    if (!actorNodes.containsKey(s)) {
      err(node, path, "unknown actor '" + s + "'" + Suggest.didYouMean(s, actorNodes.keySet()));
      return false;
    }
    return true;
  }

  private String actorRef(Node map, String key, String path, boolean required) {
    Node v = required ? req(map, key, path) : map.get(key);
    if (v == null || (!required && v.kind == Node.Kind.NULL)) {
      return null;
    }
    return refValue(v, join(path, key), actorNodes.keySet(), "actor");
  }

  private String theaterRef(Node map, String key, String path, boolean required) {
    Node v = required ? req(map, key, path) : map.get(key);
    if (v == null || (!required && v.kind == Node.Kind.NULL)) {
      return null;
    }
    return refValue(v, join(path, key), theaterNodes.keySet(), "theater");
  }

  private String refValue(Node v, String path, Set<String> known, String what) {
    if (v.kind != Node.Kind.STRING) {
      err(v, path, "expected " + what + " id; got " + v.describe());
      return null;
    }
    if (!known.contains(v.text)) {
      err(v, path, "unknown " + what + " '" + Node.abbreviate(v.text) + "'"
          + Suggest.didYouMean(v.text, known));
      return null;
    }
    return v.text;
  }

  private String actionRef(Node v, String path, Node parent, boolean required) {
    if (v == null) {
      if (required && parent != null) {
        err(parent, path.substring(0, Math.max(0, path.lastIndexOf('.'))),
            "missing required field 'action'");
      }
      return null;
    }
    List<String> ids = Arrays.stream(Action.values()).map(Action::id).toList();
    if (v.kind != Node.Kind.STRING) {
      err(v, path, "expected an action id; got " + v.describe());
      return null;
    }
    if (Action.byId(v.text) == null) {
      err(v, path, "unknown action '" + Node.abbreviate(v.text) + "'"
          + Suggest.didYouMean(v.text, ids) + "; see docs/scenario-reference.md for the list");
      return null;
    }
    return v.text;
  }

  private void err(Node at, String path, String message) {
    problems.add(new Problem(file, at.line, at.column, path, message));
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String fmt(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.6g", d).replaceAll("\\.?0+$", "");
  }
}
