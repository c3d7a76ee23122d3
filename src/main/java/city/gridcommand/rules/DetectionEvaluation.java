package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Detection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates a detection rule. Without confirmation or cooldown it is stateless: every matching detection
 * in a cell is a trigger. With them, the state is per camera ({@link CameraWindow}): the k-th matching
 * detection of the same camera within the window raises (and empties the window, so the next raise needs
 * k fresh ones), and after a raise the camera stays quiet for the rule until its cooldown has passed
 * (detections seen meanwhile still count towards the next raise once it has). With {@code orSecondSource},
 * the rule also keeps, per cell, who else has signalled the rule's category there within the window (a
 * {@link CompositeWindow} keyed by source): another camera's matching detection, any other rule's trigger of the category
 * (a sensor's threshold, a worker rule), a sensor whose reading keeps its threshold episode of the
 * category raised (a threshold raises once per episode, but the smoke is still there), a worker's report
 * of the category. Hotline and dispatcher reports do not pass through the rules and do not count. A detection in a cell another source has signalled
 * raises at once (the cooldown still applies).
 *
 * <p>Across instances: the state is each instance's own, like {@link SilenceState}. With shared
 * subscriptions a camera's detections are spread over the instances, so each instance counts only the
 * detections it received: k detections split over two instances may raise late (after more than k) or,
 * if none of them sees k within the window, not at all until the camera keeps seeing it; a second
 * source seen by the other instance does not confirm here. Nothing is raised that a single instance would
 * not have raised from fewer detections, so confirmation only ever errs towards raising later, never
 * towards flooding; and a cooldown per instance may let two instances each raise once for the same
 * camera, which joins the same open event (one open event per cell and category). What would fix it:
 * routing a camera's messages to one instance (per-camera topic sharding), or keeping the window in the
 * database (the stored {@code detection} rows of the camera within the window, counted at judge time).
 */
public final class DetectionEvaluation {

    private static final long[] NONE = new long[0];

    private DetectionEvaluation() {
    }

    /** The trigger for {@code detection} placed {@code at}, or null when it does not match or has no cell (stateless rules). */
    public static EventTrigger evaluate(DetectionRule rule, Detection detection, CellLocation at, long now) {
        if (!rule.matches(detection) || !RuleTriggers.placed(at)) {
            return null;
        }
        return RuleTriggers.of(rule, at, TriggerSource.of(detection), now);
    }

    /**
     * One detection of a {@linkplain DetectionRule#stateful() stateful} rule, with its camera's window and
     * its cell's other sources ({@code cellSources}, null if none or the rule does not watch them): the
     * camera's next window and the trigger, if this detection confirms it.
     */
    public static Outcome<CameraWindow> onDetection(DetectionRule rule, CameraWindow window, Detection detection,
            CellLocation at, CompositeWindow cellSources, long now) {
        if (!rule.matches(detection) || !RuleTriggers.placed(at)) {
            return Outcome.of(window);
        }
        int needed = rule.confirm() == null ? 1 : rule.confirm().detections();
        long[] inside = inside(rule, window, now);
        long[] seen = Arrays.copyOf(inside, inside.length + 1);
        seen[inside.length] = now;
        if (seen.length > needed) {
            seen = Arrays.copyOfRange(seen, seen.length - needed, seen.length);
        }
        long lastRaised = window == null ? CameraWindow.NEVER : window.lastRaised();
        boolean coolingDown = rule.cooldown() != null && lastRaised != CameraWindow.NEVER
                && now - lastRaised < rule.cooldown().toMillis();
        TriggerSource source = TriggerSource.of(detection);
        boolean confirmed = seen.length >= needed || secondSource(rule, cellSources, source, now);
        if (coolingDown || !confirmed) {
            return Outcome.of(new CameraWindow(seen, lastRaised));
        }
        return new Outcome<>(new CameraWindow(NONE, now), RuleTriggers.of(rule, at, source, now));
    }

    /** The camera's window without what no longer counts; null when nothing is left (the camera keeps no state). */
    public static CameraWindow expire(DetectionRule rule, CameraWindow window, long now) {
        long[] inside = inside(rule, window, now);
        long lastRaised = window.lastRaised();
        if (lastRaised != CameraWindow.NEVER
                && (rule.cooldown() == null || now - lastRaised >= rule.cooldown().toMillis())) {
            lastRaised = CameraWindow.NEVER;
        }
        if (inside.length == 0 && lastRaised == CameraWindow.NEVER) {
            return null;
        }
        return inside.length == window.count() && lastRaised == window.lastRaised()
                ? window : new CameraWindow(inside, lastRaised);
    }

    /**
     * The cell's sources after {@code source} signalled the rule's category there at {@code now}; what
     * has fallen out of the window is dropped.
     */
    public static CompositeWindow signalled(DetectionRule rule, CompositeWindow cellSources, TriggerSource source,
            long now) {
        Map<String, CompositeWindow.Contribution> inside = insideCell(rule, cellSources, now);
        inside.put(source.key(), new CompositeWindow.Contribution(source.kind(), now));
        return new CompositeWindow(inside);
    }

    /** The cell's sources without what has fallen out of the window; null when none is left. */
    public static CompositeWindow expireCell(DetectionRule rule, CompositeWindow cellSources, long now) {
        Map<String, CompositeWindow.Contribution> inside = insideCell(rule, cellSources, now);
        if (inside.isEmpty()) {
            return null;
        }
        return inside.size() == cellSources.bySource().size() ? cellSources : new CompositeWindow(inside);
    }

    private static boolean secondSource(DetectionRule rule, CompositeWindow cellSources, TriggerSource source,
            long now) {
        if (!rule.watchesSecondSource() || cellSources == null || rule.confirm() == null) {
            return false;
        }
        long from = now - rule.confirm().within().toMillis();
        String self = source.key();
        for (Map.Entry<String, CompositeWindow.Contribution> entry : cellSources.bySource().entrySet()) {
            if (entry.getValue().at() >= from && !entry.getKey().equals(self)) {
                return true;
            }
        }
        return false;
    }

    private static long[] inside(DetectionRule rule, CameraWindow window, long now) {
        if (window == null || window.count() == 0 || rule.confirm() == null) {
            return NONE;
        }
        long[] seen = window.seen();
        long from = now - rule.confirm().within().toMillis();
        int first = 0;
        while (first < seen.length && seen[first] < from) {
            first++;
        }
        return first == 0 ? seen : Arrays.copyOfRange(seen, first, seen.length);
    }

    private static Map<String, CompositeWindow.Contribution> insideCell(DetectionRule rule,
            CompositeWindow cellSources, long now) {
        Map<String, CompositeWindow.Contribution> inside = new HashMap<>();
        if (cellSources == null || rule.confirm() == null) {
            return inside;
        }
        long from = now - rule.confirm().within().toMillis();
        for (Map.Entry<String, CompositeWindow.Contribution> entry : cellSources.bySource().entrySet()) {
            if (entry.getValue().at() >= from) {
                inside.put(entry.getKey(), entry.getValue());
            }
        }
        return inside;
    }
}
