/**
 * The results store: ensembles, comparisons, sensitivity analyses, hypotheses tests and
 * back-tests kept in one embedded DuckDB database file, with one row per run (the columns of
 * {@code runs.csv}, typed), one row per logged event, the summary and the exact inputs that
 * replay the result (docs/store.md). Depends on the engine's read-only run view, never the
 * other way round; nothing here is loaded unless a command is given a database.
 */
package org.detente.store;
