/**
 * The external hycs_std transport engine: input-file writers, the process runner and the parser of its
 * particle output ({@link org.jstilt.hysplit.ParticleDatReader}).
 *
 * <p>Invariant: what this package reads from hycs_std equals, value for value, what R-STILT reads from
 * the same files.
 */
package org.jstilt.hysplit;
