package city.gridcommand.sim;

import java.util.List;

/**
 * What happens in a base cell for a while and the city's devices can see: its rate at {@link Intensity#NORMAL}
 * (per base cell per day, city-wide, placed in a base cell where a device can see it), how long it lasts,
 * which camera detection kinds show it and which sensor metrics it drives out of their everyday range.
 *
 * <p>The mix (issue 15): most city-management cases are environment and sanitation (garbage), street order
 * (vending, parking, advertising) and facilities (road damage, manholes); fires are rare, a handful of real
 * fires a month in a district of 2,000 cells. The split below among the kinds is an assumption that follows
 * that ordering; so are the durations. Cameras and sensors together: ≈ 0.17 per base cell per day (see
 * {@link Calibration}); sanitation 0.05, street order 0.075, facilities 0.012, the rest ≈ 0.035.
 */
enum IncidentKind {
    /** Sanitation: the largest group of cases. */
    GARBAGE_OVERFLOW(0.05, 30, 240, List.of("garbage_overflow"), List.of(), List.of()),
    /** Street order. */
    ILLEGAL_PARKING(0.04, 15, 120, List.of("illegal_parking"), List.of(), List.of()),
    /** Street order. */
    STREET_VENDING(0.035, 30, 180, List.of("street_vending"), List.of(), List.of()),
    /** Facilities: a pothole or broken paving stays until repaired; a camera sees it for hours. */
    ROAD_DAMAGE(0.012, 120, 480, List.of("road_damage"), List.of(), List.of()),
    /** Seen by urban cameras and water-level sensors alike. */
    WATERLOGGING(0.006, 20, 120, List.of("waterlogging"), List.of("water_level"), List.of("water_level")),
    /** Noise above 85 dB(A) for a while: works at night, a party. */
    NOISE(0.01, 10, 60, List.of(), List.of("noise"), List.of("noise")),
    /** A local dust or smoke episode at an air-quality monitor (construction, burning). */
    AIR_POLLUTION(0.005, 30, 180, List.of(), List.of("pm25"), List.of("pm25")),
    CROWD(0.004, 10, 60, List.of("crowd"), List.of(), List.of()),
    INTRUSION(0.002, 5, 20, List.of("intrusion"), List.of(), List.of()),
    FALL(0.002, 3, 15, List.of("fall"), List.of(), List.of()),
    FIGHT(0.001, 3, 15, List.of("fight"), List.of(), List.of()),
    /**
     * A real fire: smoke and heat at the smoke detectors of the cell, fire or smoke at its fire cameras.
     * Issue 15: a handful a month in a district of 2,000 cells: 5 / 30 / 2,000 ≈ 0.00008 per cell per day.
     */
    FIRE(0.00008, 10, 60, List.of("fire", "smoke"), List.of("smoke"), List.of("smoke", "temp")),
    /**
     * A smoke detector's nuisance alarm (burnt cooking, steam, dust): smoke without heat, a few minutes.
     * Assumption: about half as many as real fires, 0.00005 per cell per day (0.1 a day over 2,000 cells).
     */
    SMOKE_ALARM(0.00005, 3, 15, List.of(), List.of("smoke"), List.of("smoke"));

    /** Incidents per base cell per day at {@link Intensity#NORMAL}. */
    final double perBaseCellPerDay;
    final long minMillis;
    final long maxMillis;
    /** Detection kinds a camera reports it as (one at random per sighting). */
    final List<String> cameraKinds;
    /** A sensor with one of these capabilities sees it. */
    final List<String> sensorCapabilities;
    /** The metrics it drives into their anomaly range at the sensors that see it. */
    final List<String> sensorMetrics;

    IncidentKind(double perBaseCellPerDay, long minMinutes, long maxMinutes, List<String> cameraKinds,
            List<String> sensorCapabilities, List<String> sensorMetrics) {
        this.perBaseCellPerDay = perBaseCellPerDay;
        this.minMillis = minMinutes * 60_000;
        this.maxMillis = maxMinutes * 60_000;
        this.cameraKinds = cameraKinds;
        this.sensorCapabilities = sensorCapabilities;
        this.sensorMetrics = sensorMetrics;
    }

    /** Whether a camera with these capabilities sees it. */
    boolean seenByCamera(List<String> capabilities) {
        return cameraKinds.stream().anyMatch(capabilities::contains);
    }

    /** Whether a sensor with these capabilities sees it. */
    boolean seenBySensor(List<String> capabilities) {
        return sensorCapabilities.stream().anyMatch(capabilities::contains);
    }
}
