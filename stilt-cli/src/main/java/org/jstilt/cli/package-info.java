/**
 * The {@code stilt} command line: picocli commands, exit codes, progress output. The only {@code main}.
 *
 * <p>Commands are thin: they parse arguments, call into the runtime and the engines, and print. All
 * {@link org.jstilt.core.StiltException}s are turned into a one-paragraph message on stderr and the exit
 * code of their {@link org.jstilt.core.ErrorCode} in one place, {@link org.jstilt.cli.Main#run}.
 */
package org.jstilt.cli;
