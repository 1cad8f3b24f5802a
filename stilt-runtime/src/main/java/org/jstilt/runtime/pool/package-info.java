/**
 * The local pool behind {@code stilt run}: worker threads that take simulations from the registry one at a
 * time (each free worker claims the next pending one, so a slow simulation never holds up the others),
 * keep their leases alive, run them with the {@link org.jstilt.runtime.run.SimulationRunner} and record how
 * each ended.
 *
 * <p>Crash safety comes from the registry, not from the pool: a claim is a lease. Ctrl-C/SIGTERM gives the
 * held claims back at once (a shutdown hook calls {@link org.jstilt.runtime.pool.LocalPool#stop()}); after
 * SIGKILL the leases stay with a dead process id, and the next run on the same host releases them before it
 * starts ({@link org.jstilt.runtime.registry.Registry#releaseDeadLocalWorkers}). Files are written atomically
 * by the runner; the hidden temporary files a killed attempt leaves behind are removed when the simulation is
 * claimed again.
 *
 * <p>Cores: {@link org.jstilt.runtime.pool.EngineThreads} divides them between workers, so that
 * workers x engine threads does not exceed the machine's cores unless {@code transport.threads} says so.
 */
package org.jstilt.runtime.pool;
