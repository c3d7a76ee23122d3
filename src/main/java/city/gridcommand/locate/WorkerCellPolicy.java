package city.gridcommand.locate;

import java.time.Duration;

/**
 * How much GPS jitter the worker-cell tracker forgives: fixes less accurate than {@code maxAccuracy}
 * metres never move a worker; a fix within its accuracy radius (at least {@code edgeMargin} metres) of
 * the current cell keeps the worker there; a new cell must hold for {@code minDwell} before the worker
 * is counted in it.
 */
public record WorkerCellPolicy(double maxAccuracy, double edgeMargin, Duration minDwell, DutyHours dutyHours) {
}
