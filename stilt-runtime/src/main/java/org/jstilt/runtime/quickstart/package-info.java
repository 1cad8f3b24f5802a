/**
 * The quick start's project: synthetic meteorology written by our own ARL writer, a config and
 * receptors chosen so that a fresh machine runs the whole pipeline (transport, footprints, maps) in
 * seconds without downloading anything. {@code stilt quickstart} creates it with
 * {@link org.jstilt.runtime.quickstart.QuickstartProject#create} and then runs it like any project.
 */
package org.jstilt.runtime.quickstart;
