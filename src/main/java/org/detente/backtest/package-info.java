/**
 * The back-test on the International Crisis Behavior (ICB) crises: a scenario generated from
 * each crisis's data (never from its outcome), an ensemble per crisis, the ensemble's forecast
 * scored against ICB's coding (Brier, ranked probability and log scores, reliability), skill
 * against climatology and against statistical baselines, and the calibration of the catalogue's
 * global parameters on the training crises. Depends on scenario, engine, model and geo.
 */
package org.detente.backtest;
