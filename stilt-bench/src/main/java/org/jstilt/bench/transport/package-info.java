/** Throughput harness of the native transport engine (numbers in docs/BENCHMARKS.md). */
package org.jstilt.bench.transport;
