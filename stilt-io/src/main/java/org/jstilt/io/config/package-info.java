/**
 * A project's input files: {@code config.yaml} into {@link org.jstilt.core.config.ModelConfig}
 * ({@link org.jstilt.io.config.ConfigLoader}) and {@code receptors.csv} into receptors and back
 * ({@link org.jstilt.io.config.ReceptorsCsv}).
 *
 * <p>Both read PYSTILT's files unchanged and report <em>every</em> problem at once, each with the file,
 * the line and what to do: unknown keys with their full key path and the nearest valid key, wrong types,
 * out-of-range values, inconsistent settings. Nothing here decides science; the rules live in the
 * {@code stilt-core} records, this package adds positions and the YAML/CSV syntax.
 */
package org.jstilt.io.config;
