/**
 * Text forms that must match Python byte for byte: float {@code repr}/{@code round}
 * ({@link org.jstilt.core.text.PyFloat}) and {@code json.dumps}/{@code json.loads}
 * ({@link org.jstilt.core.text.PyJson}).
 *
 * <p>Why this exists: PYSTILT derives simulation ids, multipoint hashes and the receptor JSON stored in
 * Parquet/NetCDF metadata from Python's number formatting. A JSTILT id or metadata string that differs by
 * one digit names a different simulation, so these forms are reproduced exactly rather than approximated
 * with {@link java.lang.Double#toString} (which, before Java 19, is not always the shortest round-trip
 * form: JDK-4511638).
 *
 * <p>Invariants: {@link org.jstilt.core.text.PyFloat#repr} returns the shortest decimal that parses back
 * to the same double, closest to the exact binary value when several are equally short, laid out with
 * Python's rules (positional for 1e-4 &lt;= |x| &lt; 1e16, else {@code d.ddde±XX}). Pure functions, no
 * state.
 */
package org.jstilt.core.text;
