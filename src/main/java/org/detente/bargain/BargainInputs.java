package org.detente.bargain;

import org.detente.model.BargainProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.detente.UsageException;
import org.detente.Message;
import org.detente.InvalidInputException;
import org.detente.scenario.Actor;
import org.detente.scenario.Issue;
import org.detente.scenario.IssuePosition;
import org.detente.scenario.Scenario;

/** Loads negotiation inputs: KTAB SMP CSV and XML, and the issues of a Detente scenario. */
public final class BargainInputs {

  /** Largest KTAB input file, bytes. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  /**
   * Most actors in a negotiation. The expected-utility model's work grows steeply with the number
   * of actors: 250 actors took 14 s, and 500 or 2,000 ran on for minutes with no output.
   */
  public static final int MAX_ACTORS = 200;

  private BargainInputs() {}

  /** Decodes UTF-8 text strictly: binary data or another encoding is invalid input. */
  static String utf8(String file, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InvalidInputException(Message.FILE_PROBLEM, file,
            Message.BINARY_DATA.format());
      }
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidInputException(e, Message.FILE_PROBLEM, file, Message.NOT_UTF8.format());
    }
  }

  /** Refuses a negotiation over {@link #MAX_ACTORS}, with the reason. */
  static SmpScenario checkSize(String file, SmpScenario sc) {
    int n = sc.problem().actors().size();
    if (n > MAX_ACTORS) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file, Message.LIMIT.format(n, "actors",
          MAX_ACTORS,
          "the negotiation model's work grows steeply with the number of actors; 250 actors"
              + " already take about 14 s"));
    }
    return sc;
  }

  /**
   * Reads a file by its extension (.csv, .xml, .yaml/.yml) and keeps the named dimensions (all if
   * empty).
   */
  public static SmpScenario load(Path file, List<String> dimensions) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    String f = file.toString();
    if (name.endsWith(".csv")) {
      return checkSize(f, SmpCsvReader.read(file).selectDimensions(dimensions));
    }
    if (name.endsWith(".xml")) {
      return checkSize(f, SmpXmlReader.read(file).selectDimensions(dimensions));
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return checkSize(f, ScenarioYaml.load(file, dimensions));
    }
    String why = org.detente.scenario.InputFiles.refusal(file, MAX_BYTES, "a KTAB or scenario file");
    if (why != null) {
      throw new InvalidInputException(Message.FILE_PROBLEM, file, why);
    }
    throw new UsageException(Message.UNSUPPORTED_FILE_TYPE, file);
  }

  /**
   * Maps a Detente scenario's issues to a negotiation problem (docs/bargain.md, "Detente
   * scenarios"). Dimensions are the selected issues (all if {@code issueIds} is empty) in the
   * order given; actors are those with a position on at least one selected issue, in the
   * scenario's actor order. Per actor:
   *
   * <ul>
   *   <li>saliences are the issue saliences; a Detente issue salience is on 0–100 per issue,
   *       while the model gives each actor a budget of 100 over all dimensions, so an actor
   *       whose saliences sum to more than 100 has them scaled down proportionally;
   *   <li>on an issue where it states no position its salience is 0 and its position is the
   *       capability×salience-weighted mean of the stated positions (the centre of gravity of
   *       those who care);
   *   <li>capability is its salience-weighted mean of the issue capabilities it states.
   * </ul>
   */
  public static SmpScenario fromScenario(Scenario s, List<String> issueIds) {
    List<Issue> issues = new ArrayList<>();
    if (issueIds == null || issueIds.isEmpty()) {
      issues.addAll(s.issues());
    } else {
      for (String id : issueIds) {
        Issue found = null;
        for (Issue is : s.issues()) {
          if (is.id().equals(id)) {
            found = is;
          }
        }
        if (found == null) {
          List<String> ids = new ArrayList<>();
          s.issues().forEach(is -> ids.add(is.id()));
          throw new UsageException(Message.UNKNOWN_NAME, "issue", id,
              ids.isEmpty() ? "(the scenario has no issues)" : String.join(", ", ids));
        }
        if (issues.contains(found)) {
          throw new UsageException(Message.NAME_TWICE, "issue", id);
        }
        issues.add(found);
      }
    }
    if (issues.isEmpty()) {
      throw new InvalidInputException(Message.MISSING, "a negotiation", "issues; the scenario has none");
    }
    final int d = issues.size();
    List<String> order = new ArrayList<>();
    for (Actor a : s.actors()) {
      order.add(a.id());
    }
    for (Issue is : issues) {
      for (IssuePosition ip : is.positions()) {
        if (!order.contains(ip.actor())) {
          order.add(ip.actor());
        }
      }
    }
    // centre of gravity of each issue
    double[] centre = new double[d];
    for (int k = 0; k < d; k++) {
      double num = 0;
      double den = 0;
      double plain = 0;
      for (IssuePosition ip : issues.get(k).positions()) {
        num += ip.capability() * ip.salience() * ip.position();
        den += ip.capability() * ip.salience();
        plain += ip.position();
      }
      int m = issues.get(k).positions().size();
      centre[k] = den > 0 ? num / den : (m > 0 ? plain / m : 50.0);
    }
    List<String> actors = new ArrayList<>();
    List<double[]> pos = new ArrayList<>();
    List<double[]> sal = new ArrayList<>();
    List<Double> cap = new ArrayList<>();
    for (String a : order) {
      IssuePosition[] row = new IssuePosition[d];
      int have = 0;
      for (int k = 0; k < d; k++) {
        for (IssuePosition ip : issues.get(k).positions()) {
          if (ip.actor().equals(a)) {
            row[k] = ip;
          }
        }
        if (row[k] != null) {
          have++;
        }
      }
      if (have == 0) {
        continue;
      }
      double[] p = new double[d];
      double[] sv = new double[d];
      double num = 0;
      double den = 0;
      double plain = 0;
      double total = 0;
      for (int k = 0; k < d; k++) {
        if (row[k] == null) {
          p[k] = centre[k];
          sv[k] = 0;
          continue;
        }
        p[k] = row[k].position();
        sv[k] = row[k].salience();
        total += sv[k];
        num += row[k].capability() * row[k].salience();
        den += row[k].salience();
        plain += row[k].capability();
      }
      if (total > 100) {
        for (int k = 0; k < d; k++) {
          sv[k] = sv[k] * 100 / total;
        }
        // guard against round-off pushing the sum above 100
        while (sum(sv) > 100) {
          for (int k = 0; k < d; k++) {
            sv[k] = Math.nextDown(sv[k]);
          }
        }
      }
      actors.add(a);
      pos.add(p);
      sal.add(sv);
      cap.add(den > 0 ? num / den : plain / have);
    }
    if (actors.size() < 3) {
      throw new InvalidInputException(Message.AT_LEAST,
          "actors with a position on the selected issues", 3, actors.size());
    }
    List<String> dims = new ArrayList<>();
    issues.forEach(is -> dims.add(is.id()));
    double[] c = new double[cap.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = cap.get(i);
    }
    String name = s.meta() != null && s.meta().title() != null ? s.meta().title() : "scenario";
    BargainProblem bp = new BargainProblem(name, actors, dims, c,
        pos.toArray(new double[0][]), sal.toArray(new double[0][]));
    return SmpScenario.ofDefaults(bp);
  }

  /** Applies option overrides given with KTAB's names (e.g. VotingRule=PropCbc). */
  public static SmpParameters override(SmpParameters base, Map<String, String> kv) {
    SmpParameters p = base;
    for (Map.Entry<String, String> e : kv.entrySet()) {
      String k = e.getKey();
      String v = e.getValue();
      switch (k) {
        case "VictoryProbModel":
          p = new SmpParameters(opt(SmpParameters.VictoryProbModel.class, k, v), p.pce(), p.transitions(),
              p.votingRule(), p.bigRAdjust(), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
          break;
        case "PCEModel":
          p = new SmpParameters(p.victoryProb(), opt(SmpParameters.PceModel.class, k, v), p.transitions(),
              p.votingRule(), p.bigRAdjust(), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
          break;
        case "StateTransitions":
          p = p.withTransitions(opt(SmpParameters.StateTransitions.class, k, v));
          break;
        case "VotingRule":
          p = new SmpParameters(p.victoryProb(), p.pce(), p.transitions(), opt(SmpParameters.VotingRule.class, k, v),
              p.bigRAdjust(), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
          break;
        case "BigRAdjust":
          p = new SmpParameters(p.victoryProb(), p.pce(), p.transitions(), p.votingRule(),
              opt(SmpParameters.BigRAdjust.class, k, v), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(),
              p.bargainModel());
          break;
        case "BigRRange":
          p = new SmpParameters(p.victoryProb(), p.pce(), p.transitions(), p.votingRule(), p.bigRAdjust(),
              opt(SmpParameters.BigRRange.class, k, v), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
          break;
        case "ThirdPartyCommit":
          p = new SmpParameters(p.victoryProb(), p.pce(), p.transitions(), p.votingRule(), p.bigRAdjust(),
              p.bigRRange(), opt(SmpParameters.ThirdPartyCommit.class, k, v), p.interVecBrgn(), p.bargainModel());
          break;
        case "InterVecBrgn":
          p = new SmpParameters(p.victoryProb(), p.pce(), p.transitions(), p.votingRule(), p.bigRAdjust(),
              p.bigRRange(), p.thirdPartyCommit(), opt(SmpParameters.InterVecBrgn.class, k, v), p.bargainModel());
          break;
        case "BargnModel":
          p = new SmpParameters(p.victoryProb(), p.pce(), p.transitions(), p.votingRule(), p.bigRAdjust(),
              p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), opt(SmpParameters.BargainModel.class, k, v));
          break;
        default:
          throw new UsageException(Message.UNKNOWN_NAME, "negotiation parameter", k,
              "VictoryProbModel, PCEModel, StateTransitions, VotingRule, BigRAdjust, BigRRange,"
                  + " ThirdPartyCommit, InterVecBrgn, BargnModel");
      }
    }
    return p;
  }

  private static <E extends Enum<E> & SmpParameters.Named> E opt(Class<E> t, String k, String v) {
    E e = SmpParameters.byKtabName(t, v);
    if (e == null) {
      throw new UsageException(Message.UNKNOWN_NAME, "value of " + k, v,
          SmpParameters.ktabNames(t));
    }
    return e;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
