package org.jstilt.transport;

import java.util.List;

/**
 * The rows of one output time step, column-wise: {@code columns[c][r]} is column {@code names.get(c)} of row
 * r, rows in particle index order. The arrays belong to the engine and are reused: a sink must copy what it
 * keeps before returning.
 *
 * @param timeMin minutes since release at the end of the step (negative backward)
 * @param rows number of valid rows
 */
public record StepRows(double timeMin, int rows, List<String> names, double[][] columns) {}
