package city.gridcommand.rules;

/**
 * Whether grid workers are on duty at a tick and since when: a worker's silence only counts on duty,
 * from the later of their last message and the start of the duty period, so every terminal switched
 * off overnight does not raise an event at the morning's first tick.
 */
public record Duty(boolean on, long since) {

    /** Always on duty: silence counts from the last message alone. */
    public static final Duty ALWAYS = new Duty(true, Long.MIN_VALUE);
}
