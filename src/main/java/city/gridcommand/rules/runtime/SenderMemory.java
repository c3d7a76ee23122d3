package city.gridcommand.rules.runtime;

import city.gridcommand.event.EventTrigger;
import city.gridcommand.event.SourceKind;
import city.gridcommand.event.TriggerSource;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.locate.WorkerCellTracker;
import city.gridcommand.rules.RuleEngine;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.store.Await;
import city.gridcommand.store.LastHeardRepository.LastHeard;
import city.gridcommand.store.LastHeardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What the service knows of senders beyond the messages this instance took. At start: each registered
 * sender's last stored message, so a device or terminal that fell silent while the service was down is
 * still reported, and each worker's settled cell, so their first fix after a restart is not a new
 * "entered". Before a silence is raised: whether the database holds a later message (taken by another
 * instance, or before a restart), in which case the sender is not silent.
 */
@ApplicationScoped
public class SenderMemory {

    private static final Logger LOG = Logger.getLogger(SenderMemory.class);

    private final LastHeardRepository lastHeard;
    private final RuleEngine engine;
    private final LiveGrid grid;
    private final WorkerCellTracker workerCells;

    SenderMemory(LastHeardRepository lastHeard, RuleEngine engine, LiveGrid grid, WorkerCellTracker workerCells) {
        this.lastHeard = lastHeard;
        this.engine = engine;
        this.grid = grid;
        this.workerCells = workerCells;
    }

    /** Tells the rules the last stored message of every registered device and worker, and restores workers' cells. */
    public void recallEveryRegisteredSender() {
        List<LastHeard> heard = Await.result(lastHeard.everyRegisteredSender());
        int settled = 0;
        for (LastHeard last : heard) {
            CellLocation at = recall(last);
            // counted where their last fix is, if that is the cell they were last stored entering
            if (last.settledCell() != null && at != null && last.settledCell().equals(at.baseCell())) {
                workerCells.restore(last.senderId(), at, last.ts());
                settled++;
            }
        }
        LOG.infof("recalled the last message of %d registered senders and the cells of %d workers", heard.size(),
                settled);
    }

    /**
     * The silence triggers whose sender has no message in the database newer than the one the trigger was
     * raised after: those are silent. The others were heard by another instance (or before a restart); the
     * rules are told of their newer message and the trigger is dropped. One query per sender kind, however
     * many triggers. If the database cannot answer, every trigger is kept: a silence reported once too
     * often is better than one never reported.
     */
    public List<EventTrigger> stillSilent(List<EventTrigger> silences) {
        if (silences.isEmpty()) {
            return silences;
        }
        Set<String> devices = new HashSet<>();
        Set<String> workers = new HashSet<>();
        for (EventTrigger silence : silences) {
            (isWorker(silence.source()) ? workers : devices).add(silence.source().id());
        }
        Map<String, LastHeard> last = new HashMap<>();
        try {
            Await.result(lastHeard.lastOf(devices, workers))
                    .forEach(heard -> last.put(heard.senderId(), heard));
        } catch (RuntimeException e) {
            LOG.warnf("cannot check %d silences against the database (%s); raising them", silences.size(),
                    e.getMessage());
            return silences;
        }
        List<EventTrigger> silent = new ArrayList<>(silences.size());
        for (EventTrigger silence : silences) {
            LastHeard heard = last.get(silence.source().id());
            if (heard != null && heard.ts() > silence.source().ts()) {
                recall(heard);
            } else {
                silent.add(silence);
            }
        }
        return silent;
    }

    private static boolean isWorker(TriggerSource source) {
        return SourceKind.WORKER.wireName().equals(source.kind());
    }

    /** Tells the rules of {@code last}; returns where it was sent from. */
    private CellLocation recall(LastHeard last) {
        SourceKind kind = switch (last.feed()) {
            case TELEMETRY -> SourceKind.SENSOR;
            case DETECTION -> SourceKind.CAMERA;
            case WORKER_LOCATION -> SourceKind.WORKER;
            default -> "camera".equals(last.deviceKind()) ? SourceKind.CAMERA : SourceKind.SENSOR;
        };
        String sourceKind = last.feed() == SignalSource.DEVICE_STATUS ? SourceKind.DEVICE.wireName() : kind.wireName();
        CellLocation at = where(last);
        TriggerSource source = new TriggerSource(sourceKind, last.senderId(), last.seq(), last.ts());
        engine.recall(kind, source, at, last.receivedAt());
        return at;
    }

    /** Where the message says it was sent from, else where the device is registered. */
    private CellLocation where(LastHeard last) {
        LiveGrid.Snapshot now = grid.snapshot();
        if (last.lat() != null && last.lon() != null) {
            return now.map().locate(last.lat(), last.lon());
        }
        return now.devices().get(last.senderId());
    }
}
