package city.gridcommand.sim;

/** Someone or something in the city that publishes: acts once per due time, one message per act. */
interface Actor {

    /** The simulated time (ms since the start) of the next act. */
    long nextAt();

    /** Acts at simulated time {@code simMillis} (its due time), stamping the message with {@code ts}. */
    CityMessage act(long simMillis, long ts);
}
