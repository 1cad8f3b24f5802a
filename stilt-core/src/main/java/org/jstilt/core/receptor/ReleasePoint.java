package org.jstilt.core.receptor;

/**
 * One release location: longitude and latitude in degrees, altitude in metres (AGL or MSL, as the
 * receptor says). A plain value; the receptor that holds it checks the ranges.
 */
public record ReleasePoint(double lonDeg, double latDeg, double altitudeM) {}
