/**
 * The particle integrator: struct-of-arrays particle state, the met time window, and the per-thread stepper
 * that applies predictor–corrector mean advection, horizontal AR(1) turbulence and the STILT vertical Langevin
 * step (PARDSP) with Thomson interface transmission, reflection at ground and top, shear-coupled horizontal
 * transport and foot accumulation (TRANSPORT.md §4–6).
 *
 * <p>Invariants: one {@link org.jstilt.transport.engine.Stepper} per worker thread, owning all its scratch
 * arrays (no allocation per particle step); particle p only ever touches index p of the state arrays and
 * draws only from its own random stream.
 */
package org.jstilt.transport.engine;
