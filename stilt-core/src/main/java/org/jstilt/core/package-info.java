/**
 * The JSTILT core: domain values and pure algorithms, free of file, process and network I/O.
 *
 * <p>Everything here takes values and returns values so that it can be tested without files and reused
 * by every runtime (a laptop run, a SLURM array task, a queue worker). Errors are reported as
 * {@link org.jstilt.core.StiltException} carrying an {@link org.jstilt.core.ErrorCode}; only the CLI turns
 * them into text and exit codes.
 */
package org.jstilt.core;
