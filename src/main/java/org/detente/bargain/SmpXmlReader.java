package org.detente.bargain;

import org.detente.model.BargainProblem;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.detente.DetenteException;
import org.detente.Message;
import org.detente.scenario.InputFiles;
import org.detente.InvalidInputException;

/**
 * Reads KTAB's SMP scenario XML (schema {@code smpSchema.xsd}, reader {@code SMPModel::xmlRead}):
 * {@code <Scenario>} with {@code name}, {@code desc}, {@code prngSeed}, optional
 * {@code ModelParameters}, {@code Dimensions/dName}, {@code Actors/Actor} (name, description,
 * capability, {@code Position/dCoord}, {@code Salience/dSal}) and {@code IdealAdjustment/iaPair}
 * (adjustingIdeal, referencePos, adjust).
 *
 * <p>Differences from KTAB's reader, all deliberate: a missing {@code IdealAdjustment} is
 * accepted as the identity matrix (the CSV default; KTAB rejects such files, including its own
 * sample {@code dummyData_3Dim.xml}); a missing {@code prngSeed} gives KTAB's default seed; a
 * {@code ModelParameters} element may omit options, which then take KTAB's defaults. Every defect
 * is reported as {@code FILE:LINE:COLUMN: field: message}.
 */
public final class SmpXmlReader {

  private SmpXmlReader() {}

  /** A parsed element with its position. */
  private static final class Node {
    final String name;
    final int line;
    final int col;
    final StringBuilder text = new StringBuilder();
    final List<Node> children = new ArrayList<>();

    Node(String name, Location loc, boolean plainTag) {
      this.name = name;
      this.line = loc.getLineNumber();
      // the parser reports the position after the start tag; for a tag without attributes
      // step back to its '<'
      int c = loc.getColumnNumber();
      if (plainTag && c - (name.length() + 2) >= 1) {
        c -= name.length() + 2;
      }
      this.col = c;
    }

    List<Node> all(String n) {
      List<Node> r = new ArrayList<>();
      for (Node c : children) {
        if (c.name.equals(n)) {
          r.add(c);
        }
      }
      return r;
    }

    Node first(String n) {
      for (Node c : children) {
        if (c.name.equals(n)) {
          return c;
        }
      }
      return null;
    }

    String trimmed() {
      return text.toString().strip();
    }
  }

  /** Reads a file. */
  public static SmpScenario read(Path file) {
    byte[] bytes = InputFiles.read(file, file.toString(), BargainInputs.MAX_BYTES,
        "a KTAB XML file");
    if (!declaresOtherEncoding(bytes)) {
      // binary data or bad UTF-8 is refused here with a clear message; the platform's XML
      // parser would also print a stray "[Fatal Error]" line on standard error
      BargainInputs.utf8(file.toString(), bytes);
    }
    return parse(file.toString(), new java.io.ByteArrayInputStream(bytes));
  }

  /** Whether the XML declaration names an encoding other than UTF-8. */
  static boolean declaresOtherEncoding(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 200),
        java.nio.charset.StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']").matcher(head);
    return m.find() && !m.group(1).equalsIgnoreCase("UTF-8") && !m.group(1).equalsIgnoreCase("UTF8");
  }

  /** Parses XML from a stream; {@code src} names it in error messages. */
  public static SmpScenario parse(String src, InputStream in) {
    Node root = tree(src, in);
    if (!root.name.equals("Scenario")) {
      throw err(src, root, root.name, "root element must be <Scenario>");
    }
    String name = optText(root, "name");
    long seed = SmpScenario.KTAB_DEFAULT_SEED;
    Node seedEl = root.first("prngSeed");
    if (seedEl != null) {
      String t = seedEl.trimmed();
      try {
        seed = Long.parseUnsignedLong(t);
      } catch (NumberFormatException e) {
        throw err(src, seedEl, "prngSeed", "expected an unsigned 64-bit integer, got '" + t + "'");
      }
    }
    SmpParameters params = parameters(src, root.first("ModelParameters"));
    // dimensions
    Node dimsEl = required(src, root, "Dimensions");
    List<String> dims = new ArrayList<>();
    for (Node dn : dimsEl.all("dName")) {
      String t = dn.trimmed();
      if (t.isEmpty()) {
        throw err(src, dn, "dName", "dimension name is empty");
      }
      dims.add(t);
    }
    if (dims.isEmpty()) {
      throw err(src, dimsEl, "Dimensions", "expected at least one <dName>");
    }
    final int d = dims.size();
    // actors
    Node actorsEl = required(src, root, "Actors");
    List<Node> actorEls = actorsEl.all("Actor");
    if (actorEls.size() < 3) {
      throw err(src, actorsEl, "Actors", "expected at least 3 <Actor> elements, found " + actorEls.size());
    }
    int n = actorEls.size();
    List<String> names = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    double[] cap = new double[n];
    double[][] pos = new double[n][d];
    double[][] sal = new double[n][d];
    for (int a = 0; a < n; a++) {
      Node ae = actorEls.get(a);
      Node nm = required(src, ae, "name");
      String an = nm.trimmed();
      if (an.isEmpty()) {
        throw err(src, nm, "name", "actor name is empty");
      }
      if (index.put(an, a) != null) {
        throw err(src, nm, "name", "duplicate actor name '" + an + "'");
      }
      names.add(an);
      Node capEl = required(src, ae, "capability");
      double c = number(src, capEl, "capability of " + an);
      if (!(c > 0)) {
        throw err(src, capEl, "capability of " + an, "must be > 0, got " + capEl.trimmed());
      }
      cap[a] = c;
      Node posEl = required(src, ae, "Position");
      List<Node> coords = posEl.all("dCoord");
      if (coords.size() != d) {
        throw err(src, posEl, "Position of " + an,
            "expected " + d + " <dCoord> (one per dimension), found " + coords.size());
      }
      for (int k = 0; k < d; k++) {
        Node ce = coords.get(k);
        double x = number(src, ce, "dCoord " + (k + 1) + " of " + an);
        if (x < 0 || x > 100) {
          throw err(src, ce, "dCoord " + (k + 1) + " of " + an, "must be in [0, 100], got " + ce.trimmed());
        }
        pos[a][k] = x;
      }
      Node salEl = required(src, ae, "Salience");
      List<Node> sals = salEl.all("dSal");
      if (sals.size() != d) {
        throw err(src, salEl, "Salience of " + an,
            "expected " + d + " <dSal> (one per dimension), found " + sals.size());
      }
      double sum = 0.0;
      for (int k = 0; k < d; k++) {
        Node se = sals.get(k);
        double s = number(src, se, "dSal " + (k + 1) + " of " + an);
        if (s < 0 || s > 100) {
          throw err(src, se, "dSal " + (k + 1) + " of " + an, "must be in [0, 100], got " + se.trimmed());
        }
        sum += s;
        if (sum > 100.0) {
          throw err(src, se, "Salience of " + an, "saliences sum to more than 100");
        }
        sal[a][k] = s;
      }
      if (!(sum > 0)) {
        throw err(src, salEl, "Salience of " + an, "all saliences are 0; at least one must be > 0");
      }
    }
    // ideal accommodation: identity unless given (KTAB starts from identity and overwrites pairs)
    double[][] acc = null;
    Node iaEl = root.first("IdealAdjustment");
    if (iaEl != null) {
      acc = new double[n][n];
      for (int i = 0; i < n; i++) {
        acc[i][i] = 1.0;
      }
      Node[] lastPair = new Node[n];
      for (Node pr : iaEl.all("iaPair")) {
        Node ai = required(src, pr, "adjustingIdeal");
        Node rp = required(src, pr, "referencePos");
        Node adj = required(src, pr, "adjust");
        Integer i = index.get(ai.trimmed());
        if (i == null) {
          throw err(src, ai, "adjustingIdeal", "unknown actor '" + ai.trimmed() + "'");
        }
        Integer j = index.get(rp.trimmed());
        if (j == null) {
          throw err(src, rp, "referencePos", "unknown actor '" + rp.trimmed() + "'");
        }
        double v = number(src, adj, "adjust");
        if (v < 0 || v > 1) {
          throw err(src, adj, "adjust", "must be in [0, 1], got " + adj.trimmed());
        }
        acc[i][j] = v;
        lastPair[i] = pr;
      }
      for (int i = 0; i < n; i++) {
        double s = 0.0;
        for (int j = 0; j < n; j++) {
          s += acc[i][j];
        }
        if (s > 1.0 + 1e-10) {
          Node at = lastPair[i] != null ? lastPair[i] : iaEl;
          throw err(src, at, "IdealAdjustment of " + names.get(i),
              String.format(java.util.Locale.ROOT,
                  "adjustments sum to %.4g, more than 1 (an actor's own entry defaults to 1 unless set)", s));
        }
      }
    }
    BargainProblem p = new BargainProblem(name.isEmpty() ? "scenario" : name, names, dims, cap, pos, sal);
    return new SmpScenario(p, acc, params, seed);
  }

  private static SmpParameters parameters(String src, Node mp) {
    SmpParameters def = SmpParameters.defaults();
    if (mp == null) {
      return def;
    }
    return new SmpParameters(
        option(src, mp, "VictoryProbModel", SmpParameters.VictoryProbModel.class, def.victoryProb()),
        option(src, mp, "PCEModel", SmpParameters.PceModel.class, def.pce()),
        option(src, mp, "StateTransitions", SmpParameters.StateTransitions.class, def.transitions()),
        option(src, mp, "VotingRule", SmpParameters.VotingRule.class, def.votingRule()),
        option(src, mp, "BigRAdjust", SmpParameters.BigRAdjust.class, def.bigRAdjust()),
        option(src, mp, "BigRRange", SmpParameters.BigRRange.class, def.bigRRange()),
        option(src, mp, "ThirdPartyCommit", SmpParameters.ThirdPartyCommit.class, def.thirdPartyCommit()),
        option(src, mp, "InterVecBrgn", SmpParameters.InterVecBrgn.class, def.interVecBrgn()),
        option(src, mp, "BargnModel", SmpParameters.BargainModel.class, def.bargainModel()));
  }

  private static <E extends Enum<E> & SmpParameters.Named> E option(
      String src, Node mp, String el, Class<E> type, E def) {
    Node n = mp.first(el);
    if (n == null) {
      return def;
    }
    String t = n.trimmed();
    E e = SmpParameters.byKtabName(type, t);
    if (e == null) {
      throw err(src, n, el, "unknown value '" + t + "'; expected one of " + SmpParameters.ktabNames(type));
    }
    return e;
  }

  private static String optText(Node parent, String child) {
    Node n = parent.first(child);
    return n == null ? "" : n.trimmed();
  }

  private static Node required(String src, Node parent, String child) {
    Node n = parent.first(child);
    if (n == null) {
      throw err(src, parent, parent.name, "missing element <" + child + ">");
    }
    return n;
  }

  private static double number(String src, Node n, String field) {
    String t = n.trimmed();
    if (t.isEmpty()) {
      throw err(src, n, field, "<" + n.name + "> is empty; expected a number");
    }
    try {
      return StrictNumbers.parse(t);
    } catch (NumberFormatException e) {
      throw err(src, n, field, "expected a number, got '" + t + "'");
    }
  }

  private static DetenteException err(String src, Node n, String field, String msg) {
    return new InvalidInputException(Message.LOCATED, src, n.line, n.col, field, msg);
  }

  private static Node tree(String src, InputStream in) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(in);
      Deque<Node> stack = new ArrayDeque<>();
      Node root = null;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT:
            {
              Node nn = new Node(r.getLocalName(), r.getLocation(),
                  r.getAttributeCount() == 0 && r.getNamespaceCount() == 0);
              if (stack.isEmpty()) {
                root = nn;
              } else {
                stack.peek().children.add(nn);
              }
              stack.push(nn);
            }
            break;
          case XMLStreamConstants.END_ELEMENT:
            stack.pop();
            break;
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
            if (!stack.isEmpty()) {
              stack.peek().text.append(r.getText());
            }
            break;
          default:
            break;
        }
      }
      if (root == null) {
        throw new InvalidInputException(Message.LOCATED, src, 1, 1, "Scenario", "no XML element found");
      }
      return root;
    } catch (XMLStreamException e) {
      Location l = e.getLocation();
      String msg = e.getMessage();
      int idx = msg == null ? -1 : msg.indexOf("Message: ");
      if (idx >= 0) {
        msg = msg.substring(idx + 9);
      }
      throw new InvalidInputException(e, Message.LOCATED, src,
          l == null ? 1 : l.getLineNumber(), l == null ? 1 : l.getColumnNumber(), "XML", msg);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing to do
        }
      }
    }
  }
}
