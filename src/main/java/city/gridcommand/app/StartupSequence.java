package city.gridcommand.app;

import city.gridcommand.alerts.runtime.AlertWatch;
import city.gridcommand.alerts.runtime.StaffAlertTopic;
import city.gridcommand.alerts.runtime.TerminalChannel;
import city.gridcommand.grid.GridService;
import city.gridcommand.ingest.mqtt.IngestMetrics;
import city.gridcommand.ingest.mqtt.MqttIngestLifecycle;
import city.gridcommand.live.ChangeTail;
import city.gridcommand.live.EventTopicPublisher;
import city.gridcommand.live.LiveSignals;
import city.gridcommand.oncall.runtime.OnCallContacts;
import city.gridcommand.oncall.runtime.OnCallSchedules;
import city.gridcommand.registry.SenderDirectory;
import city.gridcommand.rules.runtime.SenderMemory;
import city.gridcommand.store.PartitionMaintainer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The order in which the service comes up and goes down, in one place. Flyway has migrated the schema
 * before this runs. Each step needs the ones before it; the broker's messages flow only at the end, so
 * the first message already finds its grid, its sender and the rules' memory.
 */
@ApplicationScoped
class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class);

    private final GridService grid;
    private final SenderDirectory senders;
    private final SenderMemory memory;
    private final PartitionMaintainer partitions;
    private final EventTopicPublisher eventTopics;
    private final LiveSignals liveSignals;
    private final ChangeTail changeTail;
    private final TerminalChannel terminals;
    private final StaffAlertTopic staffAlerts;
    private final AlertWatch alerts;
    private final IngestMetrics metrics;
    private final MqttIngestLifecycle ingest;
    private final OnCallSchedules onCall;
    private final OnCallContacts contacts;

    StartupSequence(GridService grid, SenderDirectory senders, SenderMemory memory, PartitionMaintainer partitions,
            EventTopicPublisher eventTopics, LiveSignals liveSignals, ChangeTail changeTail, TerminalChannel terminals,
            StaffAlertTopic staffAlerts, AlertWatch alerts, IngestMetrics metrics, MqttIngestLifecycle ingest,
            OnCallSchedules onCall, OnCallContacts contacts) {
        this.grid = grid;
        this.senders = senders;
        this.memory = memory;
        this.partitions = partitions;
        this.eventTopics = eventTopics;
        this.liveSignals = liveSignals;
        this.changeTail = changeTail;
        this.terminals = terminals;
        this.staffAlerts = staffAlerts;
        this.alerts = alerts;
        this.metrics = metrics;
        this.ingest = ingest;
        this.onCall = onCall;
        this.contacts = contacts;
    }

    void start(@Observes StartupEvent event) {
        // 1. the grid in force: the stored one, or the demo city on a first embedded start
        grid.putInForceAtStart();
        // 2. the registry: who may send, fixed devices' positions, workers' assigned cells
        senders.reload();
        // 3. the rules' memory: each sender's last stored message (silence), each worker's settled cell
        memory.recallEveryRegisteredSender();
        // 4. on call: the stored schedules put in force, the stored contact preferences
        onCall.loadAtStart();
        contacts.reload();
        // 5. today's and the coming days' partitions, expired ones dropped
        partitions.maintain();
        // 6. the publishers, before anything can change: event changes (grid/v1/events/{cell}), and the live
        //    signals (grid/v1/live/{cell}: positions and statuses placed here out, other instances' in)
        eventTopics.start();
        liveSignals.start();
        // 7. this instance's tail of the change log (every instance's changes, for live screens), from its position now
        changeTail.start();
        // 8. alerts: the terminals' MQTT channel, the staff's alerts across instances (grid/v1/staff/+/alerts, for
        //    the /ws/v1/alerts sockets), then the watch of the change log (woken by the tail) from its durable cursor
        terminals.start();
        staffAlerts.start();
        alerts.start();
        // 9. the broker connections, their meters first: messages flow from here on
        metrics.register();
        ingest.start();
        LOG.info("started: grid, registry, sender memory, on call, partitions, event topics and live signals, "
                + "change tail, alerts, ingest");
    }

    void stop(@Observes ShutdownEvent event) {
        // the reverse: stop taking messages and drain, stop following the log and publishing, then the embedded
        // broker and database
        try {
            ingest.stop();
            alerts.stop();
            staffAlerts.stop();
            terminals.stop();
            changeTail.stop();
            liveSignals.stop();
            eventTopics.stop();
        } finally {
            GridCommandMain.stopEmbedded();
        }
    }
}
