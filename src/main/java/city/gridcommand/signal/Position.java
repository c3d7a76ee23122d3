package city.gridcommand.signal;

/** A WGS84 point in decimal degrees, already checked to be on the globe. */
public record Position(double lat, double lon) {
}
