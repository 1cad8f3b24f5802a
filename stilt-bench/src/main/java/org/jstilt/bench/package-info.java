/** Benchmarks. */
package org.jstilt.bench;
