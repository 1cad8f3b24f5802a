/** {@code stilt config}: checking a project's config.yaml and receptors.csv before running anything. */
package org.jstilt.cli.config;
