/**
 * The contents of a project's {@code config.yaml} as validated values: {@link org.jstilt.core.config.ModelConfig}
 * (STILT/HYSPLIT parameters, met streams, footprints, grids, execution, transport engine), the
 * {@link org.jstilt.core.config.HysplitParameter} descriptor table, and the problems a configuration can
 * have ({@link org.jstilt.core.config.ConfigProblem}, {@link org.jstilt.core.config.ConfigException}).
 *
 * <p>Compatibility: every key, default and rule of PYSTILT 0.1.0a4's {@code ModelConfig} (PYSTILT.md §3),
 * so a PYSTILT project loads unchanged. Deliberate differences (PRODUCT.md): unknown keys are errors
 * everywhere, met names must be {@code [a-z0-9]+}, a few values PYSTILT lets through to HYSPLIT are range
 * checked, and a {@code transport:} block of our own chooses the engine.
 *
 * <p>Invariants: every record here is valid once constructed (constructors throw a
 * {@link org.jstilt.core.config.ConfigException} listing <em>all</em> problems found, each with the
 * config key path); collections are unmodifiable and keep the order of the file. No I/O: reading YAML is
 * {@code org.jstilt.io.config}'s job.
 */
package org.jstilt.core.config;
