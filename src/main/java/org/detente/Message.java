package org.detente;

import java.util.Locale;

/**
 * The catalogue of the messages Detente shows its users: each a pattern whose {@code %s} slots
 * take the arguments given to {@link InvalidInputException} or {@link UsageException}, in order.
 * Messages say what is wrong and what was expected; none names a program class, and none chooses
 * an exit code (the command line does, from the exception's kind).
 */
public enum Message {

  // ---- files
  /** A file, a located problem: file, reason. */
  FILE_PROBLEM("%s: %s"),
  /** A located problem: file, line, column, field, what is wrong or expected. */
  LOCATED("%s:%s:%s: %s: %s"),
  /** A located problem that expected something: file, line, column, field, expected. */
  LOCATED_EXPECTED("%s:%s:%s: %s: expected %s"),
  /** Reason: no file at the path. */
  NO_SUCH_FILE("no such file"),
  /** Reason: a folder where a file was expected: what was expected. */
  IS_DIRECTORY("is a directory, expected %s"),
  /** Reason: a device, pipe or socket: what was expected. */
  NOT_REGULAR_FILE("is not a regular file (a device, pipe or socket), expected %s"),
  /** Reason: over the size limit: the limit, what was expected. */
  FILE_TOO_LARGE("file is larger than %s, the limit for %s"),
  /** Reason: the operating system refused: its reason. */
  CANNOT_READ("cannot read file: %s"),
  /** Reason: empty file: what was expected. */
  FILE_EMPTY("file is empty; expected %s"),
  /** Reason: a NUL byte. */
  BINARY_DATA("binary data (a NUL byte) found; expected a UTF-8 text file"),
  /** Reason: invalid UTF-8. */
  NOT_UTF8("invalid UTF-8 byte sequence; expected a UTF-8 text file"),
  /** Reason: unsupported file type: the file. */
  UNSUPPORTED_FILE_TYPE(
      "%s: unsupported file type; expected .csv or .xml (KTAB SMP) or .yaml/.yml (Detente"
          + " scenario)"),
  /** A resource of the program itself is missing or broken: what, why. */
  BROKEN_RESOURCE("the program's own data %s cannot be read: %s"),

  /** Every problem found in a file, one per line: the lines. */
  PROBLEMS("%s"),

  // ---- quantities and units
  /** Text is no quantity: example. */
  QUANTITY_EXPECTED("expected a number with a unit, e.g. '%s'"),
  /** A number too large to represent. */
  NUMBER_OUT_OF_RANGE("number out of range"),
  /** Bare number: example. */
  UNIT_MISSING("missing unit, expected e.g. '%s'"),
  /** Unknown unit: kind (with trailing space, or empty), unit, accepted units, example. */
  UNIT_UNKNOWN("unknown %sunit '%s', expected %s (e.g. '%s')"),
  /** Yield unit in the wrong case: the unit. */
  YIELD_UNIT_CASE("write 'kt' for kilotons or 'Mt' for megatons (got '%s')"),
  /** kt used for a speed. */
  SPEED_UNIT_KT("'kt' means kilotons; write 'kn' for knots (e.g. '10 kn')"),
  /** Money without currency: amount, scale. */
  MONEY_NO_CURRENCY("missing currency, expected e.g. '%s %s USD'"),
  /** Money in another form. */
  MONEY_EXPECTED(
      "expected an amount in US dollars with a scale, e.g. '2240 bn USD' or '1.8 tn USD'"),
  /** Money scale unknown: scale. */
  MONEY_SCALE("unknown scale '%s', expected M, bn or tn (e.g. '2240 bn USD')"),

  // ---- values
  /** A value out of its range: what, low, high, value. */
  OUT_OF_RANGE("%s must be between %s and %s, got %s"),
  /** A value below its minimum: what, minimum, value. */
  AT_LEAST("%s must be at least %s, got %s"),
  /** A value that must be positive: what, value. */
  POSITIVE("%s must be a positive number, got %s"),
  /** A value over its maximum: what, maximum, why, value. */
  AT_MOST("%s must be at most %s (%s), got %s"),
  /** An option's text that does not read: option, text, reason. */
  OPTION_VALUE("%s '%s': %s"),
  /** A free-form reason about an option: option, reason. */
  OPTION_PROBLEM("%s: %s"),
  /** Two options that exclude each other: first, second. */
  OPTIONS_EXCLUSIVE("give either %s or %s, not both"),
  /** An option that needs another: option, needed. */
  OPTION_NEEDS("%s needs %s"),
  /** An option given twice: option, value. */
  OPTION_TWICE("%s: '%s' is given twice"),
  /** A name given twice: kind, name. */
  NAME_TWICE("%s '%s' is given twice"),
  /** An unknown name among choices: kind, name, choices. */
  UNKNOWN_NAME("unknown %s '%s'; expected one of %s"),

  // ---- places
  /** Unknown place: text, detail, remedy. */
  PLACE_UNKNOWN("unknown place '%s'%s; %s"),
  /** Ambiguous place: text, count, candidates, remedy. */
  PLACE_AMBIGUOUS("place '%s' is ambiguous, %s places match: %s; %s"),
  /** A place text of the wrong form: the text. */
  PLACE_FORM("place '%s': expected \"Name\", \"Name, CC\" or \"Name, CC, ADMIN1\""),

  /** A value outside the range a fitted curve covers: value, what. */
  OUT_OF_FIT("%s lies beyond the range covered by the %s fit"),
  /** Something missing: what, what it needs. */
  MISSING("%s needs %s"),
  /** A wrong count: what, count, unit. */
  COUNT("%s: expected %s %s"),
  /** A sum over its maximum: what, sum, maximum. */
  SUM_OVER("%s sum to %s, more than %s"),
  /** All zero: what. */
  ALL_ZERO("%s are all zero"),
  /** A policy changing the questions: policy, consequence. */
  POLICY_CHANGES_QUESTIONS("policy '%s' changes the scenario's questions; %s"),
  /** A file that cannot be written: file, reason. */
  CANNOT_WRITE("cannot write %s: %s"),

  // ---- the results store
  /** A database that cannot be opened or written: file, reason. */
  STORE_PROBLEM("results store %s: %s"),
  /** No such result: id, database. */
  STORE_NO_RESULT("no result %s in %s (detente db list shows the stored results)"),
  /** A query DuckDB refused: its message. */
  STORE_QUERY("SQL: %s"),

  // ---- model compilation (checks behind the validator's, on scenarios built in code)
  /** An actor's motive index out of range: motive, actor. */
  NO_MOTIVE("no motive %s for actor %s"),
  /** Fewer than two actors. */
  TOO_FEW_ACTORS("a scenario needs at least two actors"),
  /** A reference to nothing: where, kind, name. */
  UNKNOWN_REFERENCE("%s: unknown %s '%s'"),
  /** An unknown name: kind, name. */
  UNKNOWN("unknown %s '%s'"),
  /** Not a finite number: what. */
  NOT_FINITE("%s must be a finite number"),
  /** A voting weight that is zero or negative: the weight. */
  NON_POSITIVE_WEIGHT("non-positive voting weight %s"),
  /** An iteration that did not converge: what. */
  NOT_CONVERGED("%s did not converge"),

  // ---- merging partial ensembles
  /** A part that is no run output folder: the folder, the file missing. */
  MERGE_NOT_PART("%s: no %s; expected an output folder of detente run --out"),
  /** A part made otherwise than the first: the part, the input, its value, the first's value. */
  MERGE_MISMATCH("%s: %s is %s, but %s in the first part; the parts must come from the same"
      + " scenario, options, seed and program version"),
  /** The scenario file changed: the file, its SHA-256, the parts' SHA-256. */
  MERGE_SCENARIO_CHANGED("%s: differs from the scenario file the parts ran (SHA-256 %s, the"
      + " parts' %s)"),
  /** Runs missing between parts: first missing, last missing, the parts either side. */
  MERGE_GAP("runs %s to %s are in no part (between %s and %s); the parts must cover"
      + " consecutive runs"),
  /** Parts that overlap: the two parts, the runs both hold. */
  MERGE_OVERLAP("%s and %s both hold runs %s to %s; the parts must cover each run once"),

  // ---- limits
  /** Over a stated limit: count, what (plural), limit, reason. */
  LIMIT("%s %s are more than the limit of %s (%s)");

  private final String pattern;

  Message(String pattern) {
    this.pattern = pattern;
  }

  /** The pattern, with {@code %s} slots. */
  public String pattern() {
    return pattern;
  }

  /** The message with these arguments (locale-independent). */
  public String format(Object... arguments) {
    return String.format(Locale.ROOT, pattern, arguments);
  }
}
