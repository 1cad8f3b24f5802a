package org.jstilt.met.projection;

/**
 * A position in HYSPLIT grid units: 1-based, fractional, x eastward along rows, y northward along columns.
 * Grid point (1,1) is the south-west corner point of the met grid, i.e. array element 0.
 */
public record GridPoint(double x, double y) {}
