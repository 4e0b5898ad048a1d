package org.detente.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.detente.engine.CasualtyKind;
import org.detente.engine.CompiledModel;
import org.detente.engine.RunSink;
import org.detente.engine.RunView;
import org.detente.model.Action;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one result's runs, events and summary in one transaction ({@link ResultStore#begin}
 * committed its row first, marked incomplete). {@link #finish} writes the summary, marks the
 * result complete and commits; {@link #close} without {@code finish} rolls the runs back and
 * leaves the result marked incomplete.
 */
public final class ResultWriter implements AutoCloseable {

  private final ResultStore store;
  private final Connection conn;
  private final long id;
  private DuckDBAppender runs;
  private DuckDBAppender events;
  private boolean done;
  private int arms;

  ResultWriter(ResultStore store, long id) {
    this.store = store;
    this.conn = store.connection();
    this.id = id;
    try {
      conn.setAutoCommit(false);
    } catch (SQLException e) {
      throw store.failure(e);
    }
  }

  /** The result's id. */
  public long id() {
    return id;
  }

  /**
   * A sink that stores each run of {@code model} as a row of {@code runs} with the given arm name
   * (the policy arm, the hypothesis, the crisis; {@code ""} for a single ensemble), and with
   * {@code withEvents} each event of its log as a row of {@code events}. The {@code seed} column
   * is the master seed, as in {@code runs.csv} ({@code explain --seed SEED --run RUN} replays the
   * row). The sink must be called in one thread, as the engine's ensemble does.
   */
  public RunSink sink(CompiledModel model, String arm, long masterSeed, boolean withEvents) {
    RunColumns cols = RunColumns.of(model);
    int[] slot = prepareRuns(cols);
    short armNo = (short) arms++;
    dictionaries(model, arm, armNo);
    // the values of one run in RunColumns order, then appended in table order
    Object[] vals = new Object[cols.size()];
    return run -> {
      cols.fill(vals, run, masterSeed);
      try {
        runs.beginRow();
        runs.append(id);
        runs.append(arm);
        for (int s : slot) {
          appendValue(runs, s < 0 ? null : vals[s]);
        }
        runs.endRow();
        if (withEvents) {
          int n = run.eventCount();
          for (int e = 0; e < n; e++) {
            int tgt = run.eventTarget(e);
            int th = run.eventTheater(e);
            events.beginRow();
            events.append(id);
            events.append(armNo);
            events.append(run.runIndex());
            events.append(e);
            events.append((short) run.eventWeek(e));
            events.append((short) run.eventActor(e));
            if (tgt >= 0) {
              events.append((short) tgt);
            } else {
              events.appendNull();
            }
            events.append((short) run.eventAction(e).ordinal());
            if (th >= 0) {
              events.append((short) th);
            } else {
              events.appendNull();
            }
            events.endRow();
          }
        }
      } catch (SQLException ex) {
        throw store.failure(ex);
      }
    };
  }

  /** The names behind the event codes of one arm: its actors, theaters and (once) actions. */
  private void dictionaries(CompiledModel model, String arm, short armNo) {
    try {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO arms VALUES (?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setShort(2, armNo);
        ps.setString(3, arm);
        ps.setObject(4, model.scenario().meta().asOf());
        ps.setInt(5, model.scenario().meta().stepDays());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO actors VALUES (?, ?, ?, ?)")) {
        for (int a = 0; a < model.actorCount(); a++) {
          ps.setLong(1, id);
          ps.setShort(2, armNo);
          ps.setShort(3, (short) a);
          ps.setString(4, model.actorId(a));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO theaters VALUES (?, ?, ?, ?)")) {
        for (int t = 0; t < model.theaterCount(); t++) {
          ps.setLong(1, id);
          ps.setShort(2, armNo);
          ps.setShort(3, (short) t);
          ps.setString(4, model.theaterId(t));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      if (armNo == 0) {
        try (PreparedStatement ps = conn.prepareStatement(
            "INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?)")) {
          for (Action a : Action.values()) {
            ps.setLong(1, id);
            ps.setShort(2, (short) a.ordinal());
            ps.setString(3, a.id());
            ps.setString(4, a.cameo());
            ps.setDouble(5, a.goldstein());
            ps.setInt(6, a.rung());
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw store.failure(e);
    }
  }

  private static void appendValue(DuckDBAppender ap, Object o) throws SQLException {
    if (o == null) {
      ap.appendNull();
    } else if (o instanceof Integer x) {
      ap.append(x.intValue());
    } else if (o instanceof Long x) {
      ap.append(x.longValue());
    } else if (o instanceof Boolean x) {
      ap.append(x.booleanValue());
    } else {
      ap.append(o.toString());
    }
  }

  /**
   * Adds the columns {@code cols} brings to {@code runs}, (re)opens the appenders and returns,
   * for each column of the table after {@code result_id} and {@code arm}, the index of its value
   * in {@code cols} order (-1: empty for this model).
   */
  private int[] prepareRuns(RunColumns cols) {
    try {
      closeAppenders();
      Map<String, String> existing = new HashMap<>();
      for (String c : store.tableColumns("runs")) {
        existing.put(ResultStore.lower(c), c);
      }
      try (Statement st = conn.createStatement()) {
        for (int i = 0; i < cols.size(); i++) {
          String n = cols.names().get(i);
          if (!existing.containsKey(ResultStore.lower(n))) {
            st.execute("ALTER TABLE runs ADD COLUMN " + ResultStore.quote(n) + " "
                + cols.types().get(i).name());
            existing.put(ResultStore.lower(n), n);
          }
        }
      }
      List<String> table = store.tableColumns("runs");
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < cols.size(); i++) {
        index.put(ResultStore.lower(cols.names().get(i)), i);
      }
      int[] slot = new int[table.size() - 2];
      for (int t = 2; t < table.size(); t++) {
        slot[t - 2] = index.getOrDefault(ResultStore.lower(table.get(t)), -1);
      }
      DuckDBConnection dc = conn.unwrap(DuckDBConnection.class);
      runs = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "runs");
      events = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "event_log");
      return slot;
    } catch (SQLException e) {
      throw store.failure(e);
    }
  }

  private void closeAppenders() throws SQLException {
    if (runs != null) {
      runs.close();
      runs = null;
    }
    if (events != null) {
      events.close();
      events = null;
    }
  }

  /**
   * Appends a sweep's runs from its Parquet files ({@code runs/*.parquet} of {@code detente
   * sweep --out}) to {@code runs}, each with the arm {@code point-NNNNNN} of its design point,
   * adding the run columns the table lacks; the swept parameters' columns ({@code swept}) are
   * left out of {@code runs} (they are in {@code sweep_points}). Returns the rows appended.
   */
  long appendSweepRuns(java.nio.file.Path runsDir, List<String> swept) {
    String glob = runsDir.toAbsolutePath().resolve("*.parquet").toString().replace("'", "''");
    try {
      closeAppenders();
      Map<String, String> existing = new HashMap<>();
      for (String c : store.tableColumns("runs")) {
        existing.put(ResultStore.lower(c), c);
      }
      java.util.Set<String> skip = new java.util.HashSet<>();
      skip.add("point");
      swept.forEach(n -> skip.add(ResultStore.lower(n)));
      StringBuilder exclude = new StringBuilder(ResultStore.quote("point"));
      swept.forEach(n -> exclude.append(", ").append(ResultStore.quote(n)));
      try (Statement st = conn.createStatement()) {
        List<String[]> cols = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = st.executeQuery(
            "DESCRIBE SELECT * FROM read_parquet('" + glob + "')")) {
          while (rs.next()) {
            cols.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
        for (String[] c : cols) {
          String l = ResultStore.lower(c[0]);
          if (!skip.contains(l) && !existing.containsKey(l)) {
            st.execute("ALTER TABLE runs ADD COLUMN " + ResultStore.quote(c[0]) + " " + c[1]);
            existing.put(l, c[0]);
          }
        }
        return st.executeUpdate("INSERT INTO runs BY NAME SELECT " + id + " AS result_id,"
            + " printf('point-%06d', point) AS arm, * EXCLUDE (" + exclude + ")"
            + " FROM read_parquet('" + glob + "') ORDER BY point, run");
      }
    } catch (SQLException e) {
      throw store.failure(e);
    }
  }

  /** Records the value of swept parameter {@code name} at design point {@code point}. */
  void sweepPoint(int point, String name, double value) {
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO sweep_points VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, String.format(java.util.Locale.ROOT, "point-%06d", point));
      ps.setInt(3, point);
      ps.setString(4, name);
      ps.setDouble(5, value);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw store.failure(e);
    }
  }

  /** Writes the summary (the command's JSON output), marks the result complete and commits. */
  public void finish(String summaryJson) {
    try {
      closeAppenders();
      try (PreparedStatement ps = conn.prepareStatement("UPDATE results SET complete = true,"
          + " finished = ?, summary = ? WHERE id = ?")) {
        ps.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
        ps.setString(2, summaryJson);
        ps.setLong(3, id);
        ps.executeUpdate();
      }
      conn.commit();
      conn.setAutoCommit(true);
      done = true;
    } catch (SQLException e) {
      throw store.failure(e);
    }
  }

  /** Without {@link #finish}: rolls back the runs and events; the result stays incomplete. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      try {
        closeAppenders();
      } finally {
        conn.rollback();
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // already failing: the result stays marked incomplete
    }
  }
}
