/**
 * The native Lagrangian transport engine: HYSPLIT-STILT's particle physics in Java (TRANSPORT.md §10).
 *
 * <p>{@link org.jstilt.transport.NativeTransportEngine} runs a {@link org.jstilt.transport.TransportRequest}
 * and streams one {@link org.jstilt.transport.StepRows} per output time step to a
 * {@link org.jstilt.transport.ParticleSink}; {@link org.jstilt.transport.EnsembleCollector} gathers them into
 * a {@link org.jstilt.core.particle.ParticleEnsemble}.
 *
 * <p>Invariants: particles are independent, each with its own random stream split from the request seed in
 * index order, so a seed gives the same output whatever the thread count; rows reach the sink in time order
 * and, within a step, in particle index order.
 */
package org.jstilt.transport;
