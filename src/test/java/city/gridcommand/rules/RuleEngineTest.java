package city.gridcommand.rules;

import static city.gridcommand.rules.RuleFixtures.CELL_A;
import static city.gridcommand.rules.RuleFixtures.CELL_B;
import static city.gridcommand.rules.RuleFixtures.MINUTE;
import static city.gridcommand.rules.RuleFixtures.T0;
import static city.gridcommand.rules.RuleFixtures.detection;
import static city.gridcommand.rules.RuleFixtures.position;
import static city.gridcommand.rules.RuleFixtures.reading;
import static city.gridcommand.rules.RuleFixtures.silence;
import static city.gridcommand.rules.RuleFixtures.status;
import static city.gridcommand.rules.RuleFixtures.threshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.SourceKind;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Severity;
import city.gridcommand.signal.WorkerCellChange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private final AtomicLong clock = new AtomicLong(T0);

    private RuleEngine engine(RuleSet rules) {
        return new RuleEngine(rules, now -> true, clock::get);
    }

    private static RuleSet rules(Rule... rules) {
        return new RuleSet(List.of(rules));
    }

    @Test
    void aSmokeSensorAndAFireCameraInOneCellRaiseFireThenConfirmedFireRed() {
        RuleEngine engine = engine(DefaultRules.load());

        List<EventTrigger> smoke = engine.onSignal(reading("smk-1", T0, "smoke", 0.62), CELL_A, T0);
        // still smoky: raises nothing more, but tells camera-fire that the cell has a second source
        engine.onSignal(reading("smk-1", T0 + 2 * MINUTE, "smoke", 0.55), CELL_A, T0 + 2 * MINUTE);
        List<EventTrigger> fire = engine.onSignal(detection("cam-1", T0 + 3 * MINUTE, "fire", 0.93), CELL_A,
                T0 + 3 * MINUTE);

        assertThat(smoke).extracting(EventTrigger::ruleId, EventTrigger::category, EventTrigger::severity)
                .containsExactly(tuple("smoke-high", "fire", Severity.YELLOW));
        assertThat(fire).extracting(EventTrigger::ruleId, EventTrigger::category, EventTrigger::severity)
                .containsExactly(tuple("camera-fire", "fire", Severity.YELLOW),
                        tuple("fire-confirmed", "fire", Severity.RED));
        assertThat(fire.get(1).source().id()).isEqualTo("cam-1");
        assertThat(fire.get(1).cellPath()).isEqualTo(CELL_A.path());
    }

    @Test
    void theSameSignalsInDifferentCellsConfirmNothing() {
        RuleEngine engine = engine(DefaultRules.load());

        engine.onSignal(reading("smk-1", T0, "smoke", 0.62), CELL_A, T0);
        // alone in its cell, the camera waits for its second detection (camera-fire confirms)
        List<EventTrigger> first = engine.onSignal(detection("cam-1", T0 + MINUTE, "fire", 0.93), CELL_B, T0 + MINUTE);
        List<EventTrigger> second = engine.onSignal(detection("cam-1", T0 + 2 * MINUTE, "fire", 0.93), CELL_B,
                T0 + 2 * MINUTE);

        assertThat(first).isEmpty();
        assertThat(second).extracting(EventTrigger::ruleId).containsExactly("camera-fire");
    }

    @Test
    void signalsWithoutACellRaiseNothingButASilentSensorIsRaisedInItsLastKnownCell() {
        RuleEngine engine = engine(DefaultRules.load());

        engine.onSignal(reading("smk-1", T0, "smoke", 0.01), CELL_A, T0);
        assertThat(engine.onSignal(reading("smk-1", T0 + MINUTE, "smoke", 0.9), null, T0 + MINUTE)).isEmpty();
        assertThat(engine.onSignal(detection("cam-1", T0 + MINUTE, "fire", 0.9), CellLocation.OUTSIDE, T0 + MINUTE))
                .isEmpty();

        assertThat(engine.tick(T0 + 16 * MINUTE)).extracting(EventTrigger::ruleId, EventTrigger::cell)
                .containsExactly(tuple("sensor-silent", CELL_A.baseCell()));
    }

    @Test
    void aSensorLastHeardBeforeARestartIsRaisedWhenItStaysSilentAfterIt() {
        RuleEngine engine = engine(DefaultRules.load());
        TriggerSource last = new TriggerSource("sensor", "smk-1", 41L, T0 - MINUTE);

        engine.recall(SourceKind.SENSOR, last, CELL_A, T0);

        assertThat(engine.tick(T0 + 14 * MINUTE)).isEmpty();
        assertThat(engine.tick(T0 + 16 * MINUTE)).singleElement().satisfies(trigger -> {
            assertThat(trigger.ruleId()).isEqualTo("sensor-silent");
            assertThat(trigger.cell()).isEqualTo(CELL_A.baseCell());
            assertThat(trigger.source()).isEqualTo(last);
        });
    }

    @Test
    void whatTheRulesHeardSinceTheRestartWinsOverWhatIsRecalled() {
        RuleEngine engine = engine(DefaultRules.load());
        engine.onSignal(reading("smk-1", T0 + 10 * MINUTE, "smoke", 0.01), CELL_B, T0 + 10 * MINUTE);

        engine.recall(SourceKind.SENSOR, new TriggerSource("sensor", "smk-1", 1L, T0), CELL_A, T0);

        assertThat(engine.tick(T0 + 16 * MINUTE)).isEmpty();
        assertThat(engine.tick(T0 + 26 * MINUTE)).extracting(EventTrigger::cell).containsExactly(CELL_B.baseCell());
    }

    @Test
    void aLaterMessageHeardElsewhereEndsARaisedSilenceAndRestartsItsClock() {
        RuleEngine engine = engine(DefaultRules.load());
        engine.onSignal(reading("smk-1", T0, "smoke", 0.01), CELL_A, T0);
        assertThat(engine.tick(T0 + 16 * MINUTE)).hasSize(1);
        assertThat(engine.isSilenceRule("sensor-silent")).isTrue();
        assertThat(engine.isSilenceRule("smoke-high")).isFalse();

        engine.recall(SourceKind.SENSOR, new TriggerSource("sensor", "smk-1", 2L, T0 + 10 * MINUTE), CELL_A,
                T0 + 10 * MINUTE);

        assertThat(engine.tick(T0 + 20 * MINUTE)).isEmpty();
        assertThat(engine.tick(T0 + 26 * MINUTE)).extracting(EventTrigger::ruleId).containsExactly("sensor-silent");
    }

    @Test
    void aWorkerLastHeardBeforeARestartIsRaisedAsUnreachableAndKeepsTheirLastCell() {
        RuleEngine engine = engine(DefaultRules.load());

        engine.recall(SourceKind.WORKER, new TriggerSource("worker", "w-1", 7L, T0), CELL_A, T0);

        assertThat(engine.tick(T0 + 31 * MINUTE)).extracting(EventTrigger::ruleId, EventTrigger::cell)
                .containsExactly(tuple("worker-no-position", CELL_A.baseCell()));
    }

    @Test
    void aSensorsLastWillIsRaisedByTheRuleWatchingSensorsOnlyAndACameraByTheOther() {
        RuleEngine engine = engine(DefaultRules.load());
        engine.onSignal(reading("smk-1", T0, "smoke", 0.01), CELL_A, T0);
        engine.onSignal(detection("cam-1", T0, "crowd", 0.1), CELL_A, T0);

        List<EventTrigger> sensorDown = engine.onSignal(status("smk-1", T0 + MINUTE, false), CELL_A, T0 + MINUTE);
        List<EventTrigger> cameraDown = engine.onSignal(status("cam-1", T0 + MINUTE, false), CELL_A, T0 + MINUTE);
        List<EventTrigger> unknownDown = engine.onSignal(status("dev-9", T0 + MINUTE, false), CELL_B, T0 + MINUTE);

        assertThat(sensorDown).extracting(EventTrigger::ruleId, t -> t.source().kind())
                .containsExactly(tuple("sensor-silent", "sensor"));
        assertThat(cameraDown).extracting(EventTrigger::ruleId, t -> t.source().kind())
                .containsExactly(tuple("device-offline", "camera"));
        assertThat(unknownDown).extracting(EventTrigger::ruleId, t -> t.source().kind())
                .containsExactly(tuple("device-offline", "device"));
        assertThat(engine.tick(T0 + 30 * MINUTE)).as("the sensor's episode is already raised").isEmpty();
    }

    @Test
    void replacingRulesKeepsTheStateOfUnchangedRulesAndResetsChangedOnes() {
        ThresholdRule smoke = threshold("smoke", "smoke", Comparison.GT, 0.5, 0.3, Duration.ZERO);
        SilenceRule silent = silence("silent", Duration.ofMinutes(15), false, SourceKind.SENSOR);
        RuleEngine engine = engine(rules(smoke, silent));
        assertThat(engine.onSignal(reading("smk-1", T0, "smoke", 0.9), CELL_A, T0)).hasSize(1);

        engine.replaceRules(rules(smoke, silent, RuleFixtures.detectionRule("cam", "fire", 0.5, "fire")));
        assertThat(engine.onSignal(reading("smk-1", T0 + MINUTE, "smoke", 0.9), CELL_A, T0 + MINUTE))
                .as("still the same raised episode").isEmpty();
        assertThat(engine.tick(T0 + 16 * MINUTE)).as("the silence clock kept running")
                .extracting(EventTrigger::ruleId).containsExactly("silent");

        ThresholdRule changed = threshold("smoke", "smoke", Comparison.GT, 0.4, 0.3, Duration.ZERO);
        engine.replaceRules(rules(changed, silent));
        assertThat(engine.onSignal(reading("smk-1", T0 + 17 * MINUTE, "smoke", 0.9), CELL_A, T0 + 17 * MINUTE))
                .as("a changed rule starts afresh").extracting(EventTrigger::ruleId).containsExactly("smoke");
        assertThat(engine.rules().byId("smoke")).isEqualTo(changed);
    }

    @Test
    void disabledRulesRaiseNothingAndKeepNoState() {
        ThresholdRule off = new ThresholdRule("smoke", "smoke", null, "fire", Severity.YELLOW, "dept-fire", false,
                "smoke", Comparison.GT, 0.5, 0.3, Duration.ZERO, null, null);
        RuleEngine engine = engine(rules(off));

        assertThat(engine.onSignal(reading("smk-1", T0, "smoke", 0.9), CELL_A, T0)).isEmpty();
        assertThat(engine.stateCount()).as("only the sender's kind").isEqualTo(1);
    }

    @Test
    void aWorkerWhoLeavesTheGridIsReportedInTheLastCellTheyWereIn() {
        RuleEngine engine = engine(DefaultRules.load());
        engine.onSignal(position("w-1", T0), CELL_A, T0);
        engine.onSignal(position("w-1", T0 + MINUTE), CellLocation.OUTSIDE, T0 + MINUTE);

        List<EventTrigger> left = engine.onWorkerChange(
                new WorkerCellChange("w-1", T0 + MINUTE, WorkerCellChange.Type.LEFT_ASSIGNED, null),
                CellLocation.OUTSIDE, T0 + MINUTE);
        List<EventTrigger> elsewhere = engine.onWorkerChange(
                new WorkerCellChange("w-1", T0 + 2 * MINUTE, WorkerCellChange.Type.LEFT_ASSIGNED, CELL_B.baseCell()),
                CELL_B, T0 + 2 * MINUTE);

        assertThat(left).extracting(EventTrigger::ruleId, EventTrigger::category, EventTrigger::cell)
                .containsExactly(tuple("worker-left-assigned", "worker_absent", CELL_A.baseCell()));
        assertThat(elsewhere).extracting(EventTrigger::cell).containsExactly(CELL_B.baseCell());
    }

    @Test
    void aTerminalSilentOvernightIsNotRaisedUntilHalfAnHourIntoDuty() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        long evening = ZonedDateTime.of(2026, 11, 23, 17, 50, 0, 0, zone).toInstant().toEpochMilli();
        long morning = ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, zone).toInstant().toEpochMilli();
        clock.set(evening);
        RuleEngine engine = new RuleEngine(DefaultRules.load(), now -> {
            int hour = Instant.ofEpochMilli(now).atZone(zone).getHour();
            return hour >= 8 && hour < 18;
        }, clock::get);
        engine.onSignal(position("w-1", evening), CELL_A, evening);

        List<EventTrigger> raised = new ArrayList<>();
        for (long now = evening; now <= morning + 29 * MINUTE; now += MINUTE) {
            raised.addAll(engine.tick(now));
        }
        assertThat(raised).isEmpty();
        assertThat(engine.tick(morning + 30 * MINUTE)).extracting(EventTrigger::ruleId, EventTrigger::category)
                .containsExactly(tuple("worker-no-position", "worker_unreachable"));
    }

    @Test
    void triggersRaisedByTheClockFeedCompositesToo() {
        CompositeRule manyDown = new CompositeRule("many-down", "many down", null, "network_outage", Severity.YELLOW,
                "dept-ops", true, java.util.Set.of("device_fault"), CompositeRule.Distinct.SOURCES, 2,
                Duration.ofMinutes(10));
        SilenceRule silent = silence("silent", Duration.ofMinutes(15), false, SourceKind.SENSOR);
        RuleEngine engine = engine(rules(silent, manyDown));
        engine.onSignal(reading("smk-1", T0, "smoke", 0.01), CELL_A, T0);
        engine.onSignal(reading("smk-2", T0, "smoke", 0.01), CELL_A, T0);

        assertThat(engine.tick(T0 + 15 * MINUTE)).extracting(EventTrigger::ruleId)
                .as("the second silent sensor completes the composite")
                .containsExactly("silent", "silent", "many-down");
    }

    @Test
    void stateIsBoundedBySendersNotByMessagesAndWindowsEmptyWithTime() {
        RuleEngine engine = engine(DefaultRules.load());
        long ts = T0;
        for (int round = 0; round < 1_000; round++) {
            ts += 1_000;
            engine.onSignal(reading("smk-1", ts, "smoke", round % 2 == 0 ? 0.9 : 0.01), CELL_A, ts);
            engine.onSignal(reading("smk-2", ts, "smoke", 0.9), CELL_A, ts);
            engine.onSignal(detection("cam-" + (round % 3), ts, "fire", 0.9), CELL_A, ts);
            engine.onSignal(position("w-1", ts), CELL_B, ts);
        }
        long afterThousandRounds = engine.stateCount();
        engine.onSignal(reading("smk-1", ts + 1, "smoke", 0.9), CELL_A, ts + 1);
        engine.onSignal(detection("cam-0", ts + 1, "fire", 0.9), CELL_A, ts + 1);

        // smoke-high and sensor-silent for 2 sensors; device-offline for 3 cameras; worker-no-position for
        // the worker; the fire-confirmed window of cell A; the kinds of 6 senders; the worker's last cell;
        // camera-fire's confirmation windows of 3 cameras and its second sources of cell A.
        assertThat(afterThousandRounds).isEqualTo(2 + 2 + 3 + 1 + 1 + 6 + 1 + 3 + 1);
        assertThat(engine.stateCount()).isEqualTo(afterThousandRounds);

        engine.tick(ts + 11 * MINUTE);
        assertThat(engine.stateCount()).as("the fire windows of cell A and its cameras emptied")
                .isEqualTo(afterThousandRounds - 1 - 3 - 1);
    }

    @Test
    void concurrentReadingsOfOneSensorRaiseItsEpisodeExactlyOnce() throws Exception {
        RuleEngine engine = engine(rules(threshold("smoke", "smoke", Comparison.GT, 0.5, 0.3, Duration.ZERO)));
        int threads = 4;
        List<Thread> workers = new ArrayList<>();
        List<List<EventTrigger>> raised = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<EventTrigger> mine = new ArrayList<>();
            raised.add(mine);
            int offset = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    long ts = T0 + (long) i * threads + offset;
                    mine.addAll(engine.onSignal(reading("smk-1", ts, "smoke", 0.9), CELL_A, ts));
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(raised.stream().mapToInt(List::size).sum()).isEqualTo(1);
    }
}
