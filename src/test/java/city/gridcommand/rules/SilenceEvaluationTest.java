package city.gridcommand.rules;

import static city.gridcommand.rules.RuleFixtures.CELL_A;
import static city.gridcommand.rules.RuleFixtures.CELL_B;
import static city.gridcommand.rules.RuleFixtures.MINUTE;
import static city.gridcommand.rules.RuleFixtures.T0;
import static city.gridcommand.rules.RuleFixtures.reading;
import static city.gridcommand.rules.RuleFixtures.silence;
import static city.gridcommand.rules.RuleFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.event.SourceKind;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.signal.Signal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SilenceEvaluationTest {

    private static final SilenceRule SILENT = silence("sensor-silent", Duration.ofMinutes(15), false,
            SourceKind.SENSOR);
    private static final SilenceRule OFFLINE = silence("device-offline", null, true, SourceKind.SENSOR,
            SourceKind.DEVICE);

    private static SilenceState seen(SilenceRule rule, SilenceState state, Signal signal, CellLocation at) {
        return SilenceEvaluation.onSignal(rule, state, signal, kindOf(signal, state), at, signal.receivedAt()).state();
    }

    private static SourceKind kindOf(Signal signal, SilenceState state) {
        SourceKind kind = SourceKind.of(signal);
        return kind == SourceKind.DEVICE && state != null ? state.kind() : kind;
    }

    private static Outcome<SilenceState> tick(SilenceRule rule, SilenceState state, long now) {
        return SilenceEvaluation.tick(rule, state, now, Duty.ALWAYS);
    }

    @Test
    void raisesOnceWhenSilentLongEnoughInTheLastCellWithTheLastMessageAsSource() {
        SilenceState state = seen(SILENT, null, reading("smk-1", T0, "smoke", 0.01), CELL_A);

        Outcome<SilenceState> early = tick(SILENT, state, T0 + 15 * MINUTE - 1);
        Outcome<SilenceState> due = tick(SILENT, early.state(), T0 + 15 * MINUTE);
        Outcome<SilenceState> later = tick(SILENT, due.state(), T0 + 60 * MINUTE);

        assertThat(early.raised()).isFalse();
        assertThat(due.trigger().cell()).isEqualTo(CELL_A.baseCell());
        assertThat(due.trigger().source()).isEqualTo(new TriggerSource("sensor", "smk-1", T0 / 1000, T0));
        assertThat(due.trigger().ts()).isEqualTo(T0 + 15 * MINUTE);
        assertThat(later.raised()).as("one trigger per silence episode").isFalse();
    }

    @Test
    void aMessageEndsTheEpisodeAndReArmsTheRule() {
        SilenceState state = seen(SILENT, null, reading("smk-1", T0, "smoke", 0.01), CELL_A);
        state = tick(SILENT, state, T0 + 20 * MINUTE).state();
        state = seen(SILENT, state, reading("smk-1", T0 + 30 * MINUTE, "smoke", 0.01), null);

        assertThat(tick(SILENT, state, T0 + 44 * MINUTE).raised()).isFalse();
        Outcome<SilenceState> again = tick(SILENT, state, T0 + 45 * MINUTE);
        assertThat(again.raised()).isTrue();
        assertThat(again.trigger().cell()).as("an unplaced message keeps the last known cell")
                .isEqualTo(CELL_A.baseCell());
    }

    @Test
    void theLastCellSeenIsWhereSilenceIsRaised() {
        SilenceState state = seen(SILENT, null, reading("smk-1", T0, "smoke", 0.01), CELL_A);
        state = seen(SILENT, state, reading("smk-1", T0 + MINUTE, "smoke", 0.01), CELL_B);

        assertThat(tick(SILENT, state, T0 + 16 * MINUTE).trigger().cell()).isEqualTo(CELL_B.baseCell());
    }

    @Test
    void aSenderNeverPlacedInACellIsNotRaised() {
        SilenceState state = seen(SILENT, null, reading("smk-1", T0, "smoke", 0.01), CellLocation.OUTSIDE);

        assertThat(tick(SILENT, state, T0 + 60 * MINUTE).raised()).isFalse();
    }

    @Test
    void theLastWillRaisesAtOnceAndOnlyOnceUntilTheSenderIsBack() {
        SilenceState state = seen(OFFLINE, null, reading("smk-1", T0, "smoke", 0.01), CELL_A);
        Outcome<SilenceState> offline = SilenceEvaluation.onSignal(OFFLINE, state, status("smk-1", T0 + MINUTE, false),
                SourceKind.SENSOR, null, T0 + MINUTE);
        Outcome<SilenceState> repeated = SilenceEvaluation.onSignal(OFFLINE, offline.state(),
                status("smk-1", T0 + 2 * MINUTE, false), SourceKind.SENSOR, null, T0 + 2 * MINUTE);
        SilenceState back = seen(OFFLINE, repeated.state(), status("smk-1", T0 + 3 * MINUTE, true), null);
        Outcome<SilenceState> offlineAgain = SilenceEvaluation.onSignal(OFFLINE, back,
                status("smk-1", T0 + 4 * MINUTE, false), SourceKind.SENSOR, null, T0 + 4 * MINUTE);

        assertThat(offline.trigger().source()).isEqualTo(new TriggerSource("sensor", "smk-1", null, T0 + MINUTE));
        assertThat(offline.trigger().cell()).isEqualTo(CELL_A.baseCell());
        assertThat(repeated.raised()).isFalse();
        assertThat(offlineAgain.raised()).isTrue();
    }

    @Test
    void theLastWillIsNoSignOfLifeForTheSilenceClock() {
        SilenceRule both = silence("both", Duration.ofMinutes(15), false, SourceKind.SENSOR);
        SilenceState state = seen(both, null, reading("smk-1", T0, "smoke", 0.01), CELL_A);
        state = seen(both, state, status("smk-1", T0 + 10 * MINUTE, false), null);

        assertThat(state.raised()).as("onOffline is off").isFalse();
        assertThat(tick(both, state, T0 + 15 * MINUTE).raised()).isTrue();
    }

    /** A real device: its will is written at connect, before its birth message and every reading since. */
    @Test
    void aLastWillStampedWithTheConnectTimeRaisesThoughOlderThanEverythingTheDeviceSentSince() {
        long connect = T0;
        SilenceState state = seen(OFFLINE, null, status("smk-1", connect + 5, true), CELL_A);
        state = seen(OFFLINE, state, reading("smk-1", connect + 10 * MINUTE, "smoke", 0.01), CELL_A);

        Outcome<SilenceState> will = SilenceEvaluation.onSignal(OFFLINE, state, status("smk-1", connect, false),
                SourceKind.SENSOR, null, connect + 20 * MINUTE);

        assertThat(will.raised()).isTrue();
        assertThat(will.trigger().cell()).isEqualTo(CELL_A.baseCell());
        assertThat(will.trigger().source()).isEqualTo(new TriggerSource("sensor", "smk-1", null, connect));
        assertThat(will.state().lastSeen()).as("the will is no sign of life").isEqualTo(connect + 10 * MINUTE);
    }

    @Test
    void anOnlineStatusAfterTheWillClearsTheOfflineStateSoTheNextWillRaisesAgain() {
        SilenceState state = seen(OFFLINE, null, reading("smk-1", T0 + MINUTE, "smoke", 0.01), CELL_A);
        Outcome<SilenceState> will = SilenceEvaluation.onSignal(OFFLINE, state, status("smk-1", T0, false),
                SourceKind.SENSOR, null, T0 + 2 * MINUTE);
        SilenceState back = SilenceEvaluation.onSignal(OFFLINE, will.state(), status("smk-1", T0 + 3 * MINUTE, true),
                SourceKind.SENSOR, null, T0 + 3 * MINUTE).state();
        Outcome<SilenceState> secondWill = SilenceEvaluation.onSignal(OFFLINE, back,
                status("smk-1", T0 + 3 * MINUTE, false), SourceKind.SENSOR, null, T0 + 9 * MINUTE);

        assertThat(will.state().raised()).isTrue();
        assertThat(back.raised()).as("online again").isFalse();
        assertThat(back.lastSeen()).isEqualTo(T0 + 3 * MINUTE);
        assertThat(secondWill.raised()).isTrue();
    }

    @Test
    void theRetainedBirthReplayedWhenTheServiceSubscribesAgainIsNoSignOfLifeNorIsTheWillASecondRaise() {
        SilenceRule both = silence("both", Duration.ofMinutes(15), true, SourceKind.SENSOR);
        SilenceState state = SilenceEvaluation.onSignal(both, null, status("smk-1", T0, true), SourceKind.SENSOR,
                CELL_A, T0).state();
        state = seen(both, state, reading("smk-1", T0 + MINUTE, "smoke", 0.01), CELL_A);
        SilenceState replayed = SilenceEvaluation.onSignal(both, state, status("smk-1", T0, true), SourceKind.SENSOR,
                null, T0 + 10 * MINUTE).state();

        assertThat(replayed.lastSeen()).isEqualTo(T0 + MINUTE);
        assertThat(tick(both, replayed, T0 + 16 * MINUTE).raised()).isTrue();

        Outcome<SilenceState> will = SilenceEvaluation.onSignal(both, state, status("smk-1", T0, false),
                SourceKind.SENSOR, null, T0 + 2 * MINUTE);
        SilenceState back = seen(both, will.state(), reading("smk-1", T0 + 3 * MINUTE, "smoke", 0.01), CELL_A);
        Outcome<SilenceState> willReplayed = SilenceEvaluation.onSignal(both, back, status("smk-1", T0, false),
                SourceKind.SENSOR, null, T0 + 4 * MINUTE);

        assertThat(will.raised()).isTrue();
        assertThat(willReplayed.raised()).as("the will it was already raised for").isFalse();
    }

    @Test
    void aSenderKnownOnlyByItsStatusIsWatchedAsADeviceWhereTheRuleSaysSo() {
        Outcome<SilenceState> watched = SilenceEvaluation.onSignal(OFFLINE, null, status("dev-9", T0, false),
                SourceKind.DEVICE, CELL_A, T0);
        Outcome<SilenceState> notWatched = SilenceEvaluation.onSignal(SILENT, null, status("dev-9", T0, false),
                SourceKind.DEVICE, CELL_A, T0);

        assertThat(watched.trigger().source()).isEqualTo(new TriggerSource("device", "dev-9", null, T0));
        assertThat(notWatched.state()).isNull();
        assertThat(notWatched.raised()).isFalse();
    }

    @Test
    void aSenderOfAKindNotWatchedKeepsNoState() {
        SilenceState state = seen(OFFLINE, null, status("x-1", T0, true), CELL_A);
        assertThat(state.kind()).isEqualTo(SourceKind.DEVICE);

        Outcome<SilenceState> camera = SilenceEvaluation.onSignal(OFFLINE, state,
                RuleFixtures.detection("x-1", T0 + 1, "fire", 0.9), SourceKind.CAMERA, CELL_A, T0 + 1);

        assertThat(camera.state()).as("turned out to be a camera, which this rule does not watch").isNull();
    }

    @Test
    void workersAreOnlyCountedSilentOnDutyFromTheStartOfDuty() {
        SilenceRule terminals = silence("terminal-silent", Duration.ofMinutes(30), false, SourceKind.WORKER);
        SilenceState state = seen(terminals, null, RuleFixtures.position("w-1", T0), CELL_A);
        long dutyStart = T0 + 10 * 60 * MINUTE;

        assertThat(SilenceEvaluation.tick(terminals, state, T0 + 5 * 60 * MINUTE, new Duty(false, T0)).raised())
                .isFalse();
        assertThat(SilenceEvaluation.tick(terminals, state, dutyStart + 29 * MINUTE, new Duty(true, dutyStart))
                .raised()).isFalse();
        assertThat(SilenceEvaluation.tick(terminals, state, dutyStart + 30 * MINUTE, new Duty(true, dutyStart))
                .raised()).isTrue();
    }
}
