/**
 * The ARL packed meteorology format of HYSPLIT: {@link org.jstilt.met.arl.ArlFile} reads (indexes a file from
 * its index records, decodes fields on demand, verifies labels and checksums), {@link org.jstilt.met.arl.ArlWriter}
 * writes files HYSPLIT reads, {@link org.jstilt.met.arl.ArlPacking} holds the 8/16-bit difference packing.
 *
 * <p>Invariants: a file has one grid and one level/variable list for all periods and a constant interval
 * between periods (HYSPLIT's own rule); records are fixed length {@code label + nx·ny} bytes; nothing here
 * reads more than the records asked for.
 */
package org.jstilt.met.arl;
