package org.jstilt.core.receptor;

/** One release location: longitude and latitude in degrees, altitude in metres (AGL or MSL). */
public record ReleasePoint(double lonDeg, double latDeg, double altitudeM) {}
