package org.detente.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.detente.InvalidInputException;
import org.detente.Message;

/**
 * A results store: one DuckDB database file holding stored results (table {@code results}: the
 * inputs, the state, the summary), their runs (table {@code runs}: one row per run, the columns
 * of {@code runs.csv} typed, plus {@code result_id} and {@code arm}) and their events (view
 * {@code events}: one row per logged event, with dates and names; stored as integer codes in
 * {@code event_log} and named by the small tables {@code arms}, {@code actors},
 * {@code theaters} and {@code actions}). The {@code runs} table gains the columns a new
 * scenario brings (deaths of its actors, its motives, its questions); rows of other scenarios
 * leave them empty.
 *
 * <p>A result is written in two steps: its {@code results} row, marked incomplete, is committed
 * first; its runs, events and summary are then written in one transaction that also marks it
 * complete. A process killed in between leaves a database that opens, with the result's row
 * marked incomplete and none of its runs (DuckDB rolls back the unfinished transaction from its
 * write-ahead log).
 *
 * <p>One process at a time may open a database file (DuckDB's own lock); a second one gets a
 * clear error.
 */
public final class ResultStore implements AutoCloseable {

  /** The database file name in the default folder. */
  public static final String DEFAULT_NAME = "results.duckdb";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] SCHEMA = {
    "CREATE SEQUENCE IF NOT EXISTS result_ids START 1",
    "CREATE TABLE IF NOT EXISTS results (id BIGINT PRIMARY KEY, command VARCHAR NOT NULL,"
        + " complete BOOLEAN NOT NULL, created TIMESTAMP NOT NULL, finished TIMESTAMP,"
        + " version VARCHAR, scenario_id VARCHAR, scenario_name VARCHAR, scenario_text VARCHAR,"
        + " policies VARCHAR, options VARCHAR, seed BIGINT, runs BIGINT, files VARCHAR,"
        + " summary VARCHAR)",
    "CREATE TABLE IF NOT EXISTS runs (result_id BIGINT NOT NULL, arm VARCHAR NOT NULL,"
        + " run INTEGER NOT NULL, seed BIGINT, outcome VARCHAR, highest_rung INTEGER,"
        + " end_week INTEGER)",
    // events are many (a thousand and more per run): stored as small integer codes, named by
    // the per-arm dictionaries below, read through the view events
    "CREATE TABLE IF NOT EXISTS arms (result_id BIGINT NOT NULL, arm SMALLINT NOT NULL,"
        + " name VARCHAR NOT NULL, as_of DATE, step_days INTEGER)",
    "CREATE TABLE IF NOT EXISTS actors (result_id BIGINT NOT NULL, arm SMALLINT NOT NULL,"
        + " code SMALLINT NOT NULL, id VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS theaters (result_id BIGINT NOT NULL, arm SMALLINT NOT NULL,"
        + " code SMALLINT NOT NULL, id VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS actions (result_id BIGINT NOT NULL, code SMALLINT NOT NULL,"
        + " id VARCHAR NOT NULL, cameo VARCHAR, goldstein DOUBLE, rung INTEGER)",
    "CREATE TABLE IF NOT EXISTS event_log (result_id BIGINT NOT NULL, arm SMALLINT NOT NULL,"
        + " run INTEGER NOT NULL, seq INTEGER NOT NULL, week SMALLINT NOT NULL,"
        + " actor SMALLINT NOT NULL, target SMALLINT, action SMALLINT NOT NULL,"
        + " theater SMALLINT)",
    // a sweep's design points: the value of each swept parameter at each point (arm)
    "CREATE TABLE IF NOT EXISTS sweep_points (result_id BIGINT NOT NULL, arm VARCHAR NOT NULL,"
        + " point INTEGER NOT NULL, parameter VARCHAR NOT NULL, value DOUBLE NOT NULL)",
    "CREATE OR REPLACE VIEW events AS SELECT e.result_id, a.name AS arm, e.run, e.seq,"
        + " CAST(a.as_of + e.week * a.step_days AS DATE) AS date, e.week, ac.id AS actor,"
        + " tg.id AS target, x.cameo, x.goldstein, th.id AS theater, x.id AS action"
        + " FROM event_log e"
        + " JOIN arms a ON a.result_id = e.result_id AND a.arm = e.arm"
        + " JOIN actors ac ON ac.result_id = e.result_id AND ac.arm = e.arm AND ac.code = e.actor"
        + " LEFT JOIN actors tg ON tg.result_id = e.result_id AND tg.arm = e.arm"
        + " AND tg.code = e.target"
        + " LEFT JOIN theaters th ON th.result_id = e.result_id AND th.arm = e.arm"
        + " AND th.code = e.theater"
        + " JOIN actions x ON x.result_id = e.result_id AND x.code = e.action"
  };

  private final Path file;
  private final Connection conn;

  private ResultStore(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  /**
   * The default database: {@code $XDG_DATA_HOME/detente/results.duckdb}, or
   * {@code ~/.local/share/detente/results.duckdb} when XDG_DATA_HOME is unset or not absolute
   * (the XDG Base Directory Specification).
   */
  public static Path defaultFile() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("detente").resolve(DEFAULT_NAME);
  }

  /** Opens (creating if needed) the database {@code file} and its tables. */
  public static ResultStore open(Path file) {
    Path abs = file.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new InvalidInputException(Message.STORE_PROBLEM, file,
          Message.IS_DIRECTORY.format("a DuckDB database file"));
    }
    try {
      Path parent = abs.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.STORE_PROBLEM, file,
          "cannot create its folder: " + e.getMessage());
    }
    Connection c;
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      Properties p = new Properties();
      // never reach for the network: extensions are those built in
      p.setProperty("autoinstall_known_extensions", "false");
      p.setProperty("autoload_known_extensions", "false");
      c = DriverManager.getConnection("jdbc:duckdb:" + abs, p);
    } catch (SQLException | ClassNotFoundException e) {
      throw new InvalidInputException(e, Message.STORE_PROBLEM, file, reason(e));
    }
    ResultStore s = new ResultStore(file, c);
    try (Statement st = c.createStatement()) {
      for (String sql : SCHEMA) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      s.close();
      throw s.failure(e);
    }
    return s;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The JDBC connection (DuckDB's), for the writer and the benchmark. */
  Connection connection() {
    return conn;
  }

  /**
   * Starts a result: commits its {@code results} row, marked incomplete, and returns the writer
   * of its runs, events and summary (one transaction).
   */
  public ResultWriter begin(Inputs in) {
    long id;
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT nextval('result_ids')")) {
      rs.next();
      id = rs.getLong(1);
    } catch (SQLException e) {
      throw failure(e);
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO results (id, command,"
        + " complete, created, version, scenario_id, scenario_name, scenario_text, policies,"
        + " options, seed, runs, files) VALUES (?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, in.command());
      ps.setTimestamp(3, Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)));
      ps.setString(4, in.version());
      ps.setString(5, in.scenarioId());
      ps.setString(6, in.scenarioName());
      ps.setString(7, in.scenarioText());
      ps.setString(8, json(in.policies()));
      ps.setString(9, json(in.options()));
      ps.setLong(10, in.seed());
      ps.setLong(11, in.runs());
      ps.setString(12, json(in.files()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
    return new ResultWriter(this, id);
  }

  /** Every stored result, newest first (without summaries). */
  public List<StoredResult> list() {
    return select("ORDER BY r.id DESC", false);
  }

  /** The result {@code id}, or empty. */
  public Optional<StoredResult> find(long id) {
    List<StoredResult> l = select("WHERE r.id = " + id, true);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** The result {@code id}, or a clear error naming the database. */
  public StoredResult get(long id) {
    return find(id).orElseThrow(() -> new InvalidInputException(Message.STORE_NO_RESULT, id,
        file));
  }

  private List<StoredResult> select(String tail, boolean withSummary) {
    String sql = "SELECT r.id, r.command, r.complete, r.created, r.version, r.scenario_id,"
        + " r.scenario_name, " + (withSummary ? "r.scenario_text" : "NULL") + ", r.policies,"
        + " r.options, r.seed, r.runs, " + (withSummary ? "r.files" : "'{}'") + ", "
        + (withSummary ? "r.summary" : "NULL") + ","
        + " (SELECT count(*) FROM runs x WHERE x.result_id = r.id),"
        + " (SELECT count(*) FROM event_log e WHERE e.result_id = r.id)"
        + " FROM results r " + tail;
    List<StoredResult> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        Inputs in = new Inputs(rs.getString(2), rs.getString(6), rs.getString(7),
            rs.getString(8), list(rs.getString(9)), list(rs.getString(10)), rs.getLong(11),
            rs.getLong(12), rs.getString(5), map(rs.getString(13)));
        Timestamp t = rs.getTimestamp(4);
        out.add(new StoredResult(rs.getLong(1), in, rs.getBoolean(3),
            t == null ? null : t.toLocalDateTime(), rs.getLong(15), rs.getLong(16),
            rs.getString(14)));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return out;
  }

  /** A query's answer: column names and rows of values rendered as text (null for NULL). */
  public record Table(List<String> columns, List<List<String>> rows, boolean truncated) {}

  /**
   * Runs one SQL statement and returns at most {@code maxRows} rows of its answer. A statement
   * DuckDB refuses is an invalid-input error with DuckDB's message.
   */
  public Table query(String sql, int maxRows) {
    try (Statement st = conn.createStatement()) {
      boolean hasRows = st.execute(sql);
      if (!hasRows) {
        return new Table(List.of("changed"), List.of(List.of(
            String.valueOf(Math.max(st.getUpdateCount(), 0)))), false);
      }
      try (ResultSet rs = st.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cols.add(md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
          if (rows.size() >= maxRows) {
            truncated = true;
            break;
          }
          List<String> row = new ArrayList<>(cols.size());
          for (int i = 1; i <= cols.size(); i++) {
            Object o = rs.getObject(i);
            row.add(o == null ? null : String.valueOf(o));
          }
          rows.add(row);
        }
        return new Table(cols, rows, truncated);
      }
    } catch (SQLException e) {
      throw new InvalidInputException(e, Message.STORE_QUERY, reason(e));
    }
  }

  /**
   * Writes result {@code id} as Parquet files into the folder {@code dir} (created if needed):
   * {@code runs.parquet} (its runs, the columns its scenario has), {@code events.parquet} and
   * {@code result.parquet} (its row of {@code results}). Returns the files written.
   */
  public List<Path> exportParquet(long id, Path dir) {
    get(id);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException(e, Message.CANNOT_WRITE, dir, e.getMessage());
    }
    List<String> cols = columnsOf(id);
    List<Path> files = new ArrayList<>();
    String[][] parts = {
      {"runs.parquet", "SELECT " + String.join(", ", cols) + " FROM runs WHERE result_id = "
          + id + " ORDER BY arm, run"},
      {"events.parquet", "SELECT * FROM events WHERE result_id = " + id
          + " ORDER BY arm, run, seq"},
      {"result.parquet", "SELECT * FROM results WHERE id = " + id}
    };
    try (Statement st = conn.createStatement()) {
      for (String[] p : parts) {
        Path f = dir.resolve(p[0]).toAbsolutePath();
        st.execute("COPY (" + p[1] + ") TO '" + f.toString().replace("'", "''")
            + "' (FORMAT parquet)");
        files.add(f);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return files;
  }

  /**
   * The columns of {@code runs} that result {@code id} uses: {@code result_id}, {@code arm},
   * then those with a value in at least one of its rows, or, for a result without runs, the
   * fixed ones.
   */
  List<String> columnsOf(long id) {
    List<String> all = tableColumns("runs");
    List<String> used = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < all.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("count(").append(quote(all.get(i))).append(")");
    }
    sql.append(" FROM runs WHERE result_id = ").append(id);
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
      rs.next();
      boolean any = rs.getLong(1) > 0;
      for (int i = 0; i < all.size(); i++) {
        if (i < 3 || !any || rs.getLong(i + 1) > 0) {
          used.add(quote(all.get(i)));
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return used;
  }

  /** The columns of a table, in order. */
  List<String> tableColumns(String table) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT column_name FROM"
        + " information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return out;
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** A store error naming the database, with DuckDB's reason. */
  InvalidInputException failure(Exception e) {
    return new InvalidInputException(e, Message.STORE_PROBLEM, file, reason(e));
  }

  private static String reason(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
      return "in use by another Detente process (DuckDB allows one at a time)";
    }
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> list(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static Map<String, String> map(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      // closing: nothing left to do
    }
  }
}
