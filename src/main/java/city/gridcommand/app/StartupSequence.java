package city.gridcommand.app;

import city.gridcommand.alerts.runtime.StaffAlertTopic;
import city.gridcommand.grid.GridService;
import city.gridcommand.ingest.mqtt.IngestMetrics;
import city.gridcommand.ingest.mqtt.MqttIngestLifecycle;
import city.gridcommand.live.ChangeTail;
import city.gridcommand.live.EventTopicPublisher;
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
    private final ChangeTail changeTail;
    private final StaffAlertTopic staffAlerts;
    private final IngestMetrics metrics;
    private final MqttIngestLifecycle ingest;

    StartupSequence(GridService grid, SenderDirectory senders, SenderMemory memory, PartitionMaintainer partitions,
            EventTopicPublisher eventTopics, ChangeTail changeTail, StaffAlertTopic staffAlerts, IngestMetrics metrics,
            MqttIngestLifecycle ingest) {
        this.grid = grid;
        this.senders = senders;
        this.memory = memory;
        this.partitions = partitions;
        this.eventTopics = eventTopics;
        this.changeTail = changeTail;
        this.staffAlerts = staffAlerts;
        this.metrics = metrics;
        this.ingest = ingest;
    }

    void start(@Observes StartupEvent event) {
        // 1. the grid in force: the stored one, or the demo city on a first embedded start
        grid.putInForceAtStart();
        // 2. the registry: who may send, fixed devices' positions, workers' assigned cells
        senders.reload();
        // 3. the rules' memory: each sender's last stored message (silence), each worker's settled cell
        memory.recallEveryRegisteredSender();
        // 4. today's and the coming days' partitions, expired ones dropped
        partitions.maintain();
        // 5. the publisher of event changes (grid/v1/events/{cell}), before anything can change
        eventTopics.start();
        // 6. this instance's tail of the change log (every instance's changes, for live screens), from its position now
        changeTail.start();
        // 6b. the staff's alerts across instances (grid/v1/staff/+/alerts), for the /ws/v1/alerts sockets
        staffAlerts.start();
        // 7. the broker connections, their meters first: messages flow from here on
        metrics.register();
        ingest.start();
        LOG.info("started: grid, registry, sender memory, partitions, event topics, change tail, staff alerts, ingest");
    }

    void stop(@Observes ShutdownEvent event) {
        // the reverse: stop taking messages and drain, stop following the log and publishing, then the embedded
        // broker and database
        ingest.stop();
        changeTail.stop();
        staffAlerts.stop();
        eventTopics.stop();
        GridCommandMain.stopEmbedded();
    }
}
