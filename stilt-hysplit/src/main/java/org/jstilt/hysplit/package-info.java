/**
 * The external hycs_std transport engine: {@link org.jstilt.hysplit.HysplitEngine} (a
 * {@link org.jstilt.core.transport.TransportEngine}), where the binary and its data files are
 * ({@link org.jstilt.hysplit.HysplitInstallation}), and the parser of its particle output
 * ({@link org.jstilt.hysplit.ParticleDatReader}). Input files are in {@code input}, the process runner in
 * {@code process}.
 *
 * <p>Invariants: the input files are byte-identical to R-STILT's for the same receptor, parameters and met
 * files; what this package reads from hycs_std equals, value for value, what R-STILT reads from the same
 * files; a run either returns particle rows or throws a
 * {@link org.jstilt.core.transport.TransportException} with its reason, and leaves only its input files (and
 * PARTICLE_STILT.DAT when {@code rm_dat} is false) in the work directory.
 */
package org.jstilt.hysplit;
