package org.detente.store;

import java.time.LocalDateTime;

/**
 * One stored result as listed: its id, inputs, state and summary.
 *
 * @param id the result's id in its database
 * @param inputs what computed it
 * @param complete whether it was written to the end (false: interrupted or failed)
 * @param created when it was started (UTC)
 * @param runRows rows it has in the {@code runs} table
 * @param eventRows rows it has in the {@code events} table
 * @param summary the command's JSON output, or null while incomplete
 */
public record StoredResult(long id, Inputs inputs, boolean complete, LocalDateTime created,
    long runRows, long eventRows, String summary) {}
