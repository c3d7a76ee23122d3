package city.gridcommand.sim;

/**
 * Someone or something in the city: acts once per due time, publishing at most one message per act; an
 * actor whose {@link #nextAt()} is {@link #DONE} acts no more.
 */
interface Actor {

    /** The due time of an actor that has finished. */
    long DONE = Long.MAX_VALUE;

    /** The simulated time (ms since the start) of the next act, or {@link #DONE}. */
    long nextAt();

    /**
     * Acts at simulated time {@code simMillis} (its due time), stamping its message with {@code ts}; null if
     * it sends none.
     */
    CityMessage act(long simMillis, long ts);
}
