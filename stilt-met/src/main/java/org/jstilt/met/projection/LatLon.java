package org.jstilt.met.projection;

/** A geographic position in degrees; longitude in (-180, 180]. */
public record LatLon(double latDeg, double lonDeg) {}
