package city.gridcommand.rules;

import java.util.Arrays;

/**
 * Per (detection rule, camera): when (service clock) the camera's matching detections not yet raised came,
 * oldest first, at most the rule's {@code confirm.detections} of them (older ones cannot matter), and when
 * the camera last raised for the rule ({@link #NEVER} if not within the cooldown). Like {@link SilenceState},
 * it lives in the instance's memory only; {@link DetectionEvaluation#expire} drops it once nothing in it
 * still counts, so the rule holds at most one small entry per camera that has seen something recently.
 */
public record CameraWindow(long[] seen, long lastRaised) {

    /** No raise to cool down from. */
    public static final long NEVER = Long.MIN_VALUE;

    public CameraWindow {
        seen = seen.clone();
    }

    @Override
    public long[] seen() {
        return seen.clone();
    }

    int count() {
        return seen.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CameraWindow w && w.lastRaised == lastRaised && Arrays.equals(w.seen, seen);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(seen) + Long.hashCode(lastRaised);
    }

    @Override
    public String toString() {
        return "CameraWindow" + Arrays.toString(seen) + (lastRaised == NEVER ? "" : " raised " + lastRaised);
    }
}
