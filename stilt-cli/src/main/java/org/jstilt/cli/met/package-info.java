/**
 * {@code stilt met ...}: inspect, crop and synthesize ARL meteorology. Each subcommand parses its options
 * and calls {@code stilt-met}; output formats (human text, JSON) live here.
 */
package org.jstilt.cli.met;
