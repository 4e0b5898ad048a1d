package org.detente.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.RunView;
import org.detente.model.Action;

/**
 * The per-run columns of a compiled model, in the order of {@code runs.csv}: {@code run},
 * {@code seed}, {@code outcome}, {@code highest_rung}, {@code end_week}, the first week of each
 * rung, the deaths of each actor by kind, the drawn motive of each actor with several, and the
 * answer of each question. Each column has a SQL type; names are made of ASCII letters, digits and
 * underscores and are unique ignoring case (SQL identifiers ignore case).
 */
public final class RunColumns {

  /** The SQL type of a column. */
  public enum Type {
    /** A 32-bit integer; empty (NULL) when a rung was never reached. */
    INTEGER,
    /** A 64-bit integer (deaths, rounded; empty when not computable). */
    BIGINT,
    /** Text (outcome, motive). */
    VARCHAR,
    /** A question's answer (1 or 0 in runs.csv). */
    BOOLEAN
  }

  private final CompiledModel model;
  private final List<String> names;
  private final List<Type> types;

  private RunColumns(CompiledModel model, List<String> names, List<Type> types) {
    this.model = model;
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
  }

  /** The columns of the runs of {@code model}. */
  public static RunColumns of(CompiledModel model) {
    List<String> raw = new ArrayList<>(List.of("run", "seed", "outcome", "highest_rung",
        "end_week"));
    List<Type> types = new ArrayList<>(List.of(Type.INTEGER, Type.BIGINT, Type.VARCHAR,
        Type.INTEGER, Type.INTEGER));
    for (int r = 0; r < Action.RUNGS; r++) {
      raw.add("first_week_rung" + r);
      types.add(Type.INTEGER);
    }
    for (int a = 0; a < model.actorCount(); a++) {
      for (CasualtyKind k : CasualtyKind.values()) {
        raw.add("deaths_" + model.actorId(a) + "_" + k.name().toLowerCase(Locale.ROOT));
        types.add(Type.BIGINT);
      }
    }
    for (int a = 0; a < model.actorCount(); a++) {
      if (model.motiveCount(a) > 1) {
        raw.add("motive_" + model.actorId(a));
        types.add(Type.VARCHAR);
      }
    }
    for (var q : model.scenario().questions()) {
      raw.add("q_" + q.id());
      types.add(Type.BOOLEAN);
    }
    List<String> out = new ArrayList<>(raw.size());
    Set<String> seen = new HashSet<>();
    for (String n : raw) {
      String c = columnName(n);
      String u = c;
      for (int i = 2; !seen.add(u.toLowerCase(Locale.ROOT)); i++) {
        u = c + "_" + i;
      }
      out.add(u);
    }
    return new RunColumns(model, out, types);
  }

  /**
   * A column name a data frame accepts as it is: every character other than an ASCII letter,
   * digit or underscore (the hyphens and dots of scenario ids) becomes an underscore.
   */
  public static String columnName(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_';
      b.append(ok ? c : '_');
    }
    return b.toString();
  }

  /** The column names, in order. */
  public List<String> names() {
    return names;
  }

  /** The column types, in the order of {@link #names()}. */
  public List<Type> types() {
    return types;
  }

  /**
   * One run's values in column order, into {@code v} (of {@link #size()} entries): Integer for
   * INTEGER, Long for BIGINT, String for VARCHAR, Boolean for BOOLEAN, null for an empty cell.
   */
  public void fill(Object[] v, RunView run, long masterSeed) {
    int i = 0;
    v[i++] = run.runIndex();
    v[i++] = masterSeed;
    v[i++] = run.outcome().id();
    v[i++] = run.highestRung();
    v[i++] = run.endWeek();
    for (int r = 0; r < Action.RUNGS; r++) {
      int wk = run.firstWeekOfRung(r);
      v[i++] = wk >= 0 ? (Object) wk : null;
    }
    for (int a = 0; a < model.actorCount(); a++) {
      for (CasualtyKind k : KINDS) {
        double d = run.deaths(a, k);
        v[i++] = Double.isNaN(d) ? null : (Object) Math.round(d);
      }
    }
    for (int a = 0; a < model.actorCount(); a++) {
      if (model.motiveCount(a) > 1) {
        v[i++] = model.motiveId(a, run.motive(a));
      }
    }
    for (int q = 0; q < model.questionCount(); q++) {
      v[i++] = run.question(q);
    }
  }

  private static final CasualtyKind[] KINDS = CasualtyKind.values();

  /** Number of columns. */
  public int size() {
    return names.size();
  }
}
