/**
 * Running an external program (hycs_std) under a timeout.
 *
 * <p>Invariants: output is appended to the log file, never held in memory; when {@link
 * org.jstilt.hysplit.process.ProcessRunner#run} returns, the process it started and every descendant it had at
 * the time of a kill have ended.
 */
package org.jstilt.hysplit.process;
