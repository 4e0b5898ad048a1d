/**
 * Event data in: GDELT 1.0 and 2.0 event tables, ICEWS coded events and PLOVER records read as
 * streams, mapped to a scenario's actors and aggregated per week and directed dyad
 * ({@link org.detente.events.Importer}, {@link org.detente.events.WeeklySeries}); evidence files
 * for {@code hypotheses} built from thresholds on those series
 * ({@link org.detente.events.EvidenceBuilder}); and an ensemble's simulated weekly event mix set
 * against an observed one ({@link org.detente.events.EventComparison}). See docs/events.md.
 *
 * <p>Depends on {@code engine}, {@code scenario} and {@code model}; the engine does not know it.
 */
package org.detente.events;
