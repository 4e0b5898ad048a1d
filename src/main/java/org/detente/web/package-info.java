/**
 * The local web application ({@code detente serve}, docs/web.md): the scenario library and
 * editor, ensembles with live progress, stored results and the effects map, served by Javalin on
 * Jetty. Every computation goes through the same commands as the command line (a
 * {@link org.detente.web.Backend} that the command line supplies), so the browser shows the
 * numbers the command line prints.
 */
package org.detente.web;
