package city.gridcommand.alerts.runtime;

import city.gridcommand.alerts.AckDeadlines;
import city.gridcommand.alerts.AlertChain;
import city.gridcommand.alerts.AlertMessage;
import city.gridcommand.alerts.AlertReason;
import city.gridcommand.alerts.ChainPosition;
import city.gridcommand.alerts.DeliveryTiming;
import city.gridcommand.alerts.EscalationPolicy;
import city.gridcommand.alerts.EventFacts;
import city.gridcommand.alerts.Grouping;
import city.gridcommand.alerts.PolicyJson;
import city.gridcommand.alerts.PolicySet;
import city.gridcommand.oncall.ContactBook;
import city.gridcommand.oncall.ContactPreferences;
import city.gridcommand.signal.Severity;
import city.gridcommand.store.AlertWork;
import city.gridcommand.store.NewAlert;
import city.gridcommand.store.StoredAlert;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import java.util.UUID;

/**
 * Writes what a chain does, inside the caller's transaction: opens an alert at its first step that has
 * someone to notify, moves a chain on (with reminders to the people of the step it leaves), sends a grouped
 * alert's update; each person told gets a recipient row (unique per alert, person, step, round and kind, so
 * nobody is told twice of one change) and a delivery per channel of their preferences. The ids of the
 * deliveries due at once are added to {@code due}, for the caller to deliver after its commit.
 */
@ApplicationScoped
class ChainWriter {

    private final Recipients recipients;
    private final ContactBook contacts;
    private final AlertSettings settings;
    private final AckDeadlines deadlines;

    ChainWriter(Recipients recipients, ContactBook contacts, AlertSettings settings) {
        this.recipients = recipients;
        this.contacts = contacts;
        this.settings = settings;
        this.deadlines = new AckDeadlines(settings.ackDeadline().red(), settings.ackDeadline().yellow(),
                settings.ackDeadline().green());
    }

    /** Opens an alert of {@code event} under {@code policy}; its id. */
    UUID open(AlertWork work, EventFacts event, AlertReason reason, EscalationPolicy policy, long now, List<Long> due) {
        UUID id = UUID.randomUUID();
        String body = new String(PolicyJson.write(new PolicySet(List.of(policy))), StandardCharsets.UTF_8);
        StoredAlert alert = new StoredAlert(id, event.cell(), event.cellPath(), event.category(), event.department(),
                event.severity().name(), reason.wireName(), policy.id(), body, 1, 1, "open", null, now, now,
                Grouping.groupUntil(now, settings.groupWindow()), false, null, null, null, null, null, now);
        work.insertAlert(new NewAlert(id, alert.cell(), alert.cellPath(), alert.category(), alert.department(),
                alert.severity(), alert.reason(), alert.policy(), body, 1, 1,
                AlertChain.nextStepAt(policy, ChainPosition.FIRST, event.severity(), deadlines, now), now,
                alert.groupUntil()));
        work.addEvent(id, UUID.fromString(event.id()), reason.wireName(), now, false);
        List<EventFacts> events = List.of(event);
        ChainPosition at = ChainPosition.FIRST;
        while (true) {
            OptionalLong told = notifyStep(work, alert, policy, at, events, now, due);
            if (told.isPresent()) {
                work.moveAlert(id, at.step(), at.round(), now,
                        AlertChain.nextStepAt(policy, at, event.severity(), deadlines, told.getAsLong()));
                return id;
            }
            Optional<ChainPosition> next = AlertChain.next(policy, at);
            if (next.isEmpty()) {
                work.moveAlert(id, at.step(), at.round(), now, now);
                work.endAlert(id, "exhausted", "nobody to notify", now);
                return id;
            }
            at = next.get();
        }
    }

    /**
     * Moves a chain whose step is due to its next step that notifies someone (reminding the people of the
     * step it leaves), or ends it as exhausted.
     */
    void moveOn(AlertWork work, StoredAlert alert, long now, List<Long> due) {
        EscalationPolicy policy = policyOf(alert);
        Severity severity = Severity.valueOf(alert.severity());
        ChainPosition left = new ChainPosition(alert.step(), alert.round());
        Set<String> leftPeople = work.alerted(alert.id(), left.round(), left.step());
        List<EventFacts> events = work.eventsOf(alert.id()).stream().map(Facts::of).toList();
        ChainPosition at = left;
        while (true) {
            Optional<ChainPosition> next = AlertChain.next(policy, at);
            if (next.isEmpty()) {
                work.endAlert(alert.id(), "exhausted", "exhausted", now);
                return;
            }
            at = next.get();
            OptionalLong told = notifyStep(work, alert, policy, at, events, now, due);
            if (told.isPresent()) {
                long nextStepAt = AlertChain.nextStepAt(policy, at, severity, deadlines, told.getAsLong());
                work.moveAlert(alert.id(), at.step(), at.round(), now, nextStepAt);
                for (String person : leftPeople) {
                    tell(work, alert, person, "reminder", at, AlertMessage.REMINDER, events, dueAt -> nextStepAt, now,
                            due);
                }
                return;
            }
        }
    }

    /** Tells everyone the alert has alerted that it took more events: one update each. */
    void sendUpdate(AlertWork work, StoredAlert alert, long now, List<Long> due) {
        List<EventFacts> events = work.eventsOf(alert.id()).stream().map(Facts::of).toList();
        ChainPosition at = new ChainPosition(alert.step(), alert.round());
        long ackBy = alert.nextStepAt() == null ? now : alert.nextStepAt();
        for (String person : work.everyoneAlerted(alert.id())) {
            tell(work, alert, person, "update", at, AlertMessage.UPDATE, events, dueAt -> ackBy, now, due);
        }
        work.updateSent(alert.id(), now);
    }

    /**
     * Alerts the people of step {@code at} not yet alerted in its round. The step's clock starts when the first
     * of them is told: a GREEN alert waits out its people's quiet hours, and the chain must not move on past
     * people it has not reached yet. Empty when the step had nobody to tell.
     */
    private OptionalLong notifyStep(AlertWork work, StoredAlert alert, EscalationPolicy policy, ChainPosition at,
            List<EventFacts> events, long now, List<Long> due) {
        Set<String> already = work.alerted(alert.id(), at.round(), 0);
        Severity severity = Severity.valueOf(alert.severity());
        List<String> told = new ArrayList<>();
        long first = Long.MAX_VALUE;
        for (Recipients.Recipient r : recipients.of(work, policy.step(at.step()), alert.cell(), alert.cellPath(),
                alert.department(), now)) {
            if (already.contains(r.personId()) || told.contains(r.personId())) {
                continue;
            }
            long toldAt = tell(work, alert, r.personId(), r.source(), at, AlertMessage.ALERT, events,
                    dueAt -> AlertChain.ackBy(policy, at, severity, deadlines, dueAt), now, due);
            if (toldAt >= 0) {
                told.add(r.personId());
                first = Math.min(first, toldAt);
            }
        }
        return told.isEmpty() ? OptionalLong.empty() : OptionalLong.of(first);
    }

    /**
     * Records that {@code person} is told and their deliveries, one per channel of their preferences, due at
     * once or at the end of their quiet hours (GREEN); {@code ackBy} gives the ack deadline the message
     * carries from when it is due. When the deliveries are due, or -1 when the person was told this already.
     */
    private long tell(AlertWork work, StoredAlert alert, String person, String source, ChainPosition at, String kind,
            List<EventFacts> events, LongUnaryOperator ackBy, long now, List<Long> due) {
        long recipient = work.addRecipient(alert.id(), person, at.step(), at.round(), kind, source, now);
        if (recipient < 0) {
            return -1;
        }
        ContactPreferences preferences = contacts.of(person);
        long dueAt = DeliveryTiming.dueAt(Severity.valueOf(alert.severity()), preferences.quietHours(),
                settings.timeZone(), now);
        String body = new AlertMessage(alert.id().toString(), kind, city.gridcommand.alerts.AlertReason.fromWire(
                alert.reason()), person, alert.cell(), alert.cellPath(), alert.severity(), events, at,
                ackBy.applyAsLong(dueAt), now).toJson();
        for (String channel : preferences.channels()) {
            long id = work.addDelivery(recipient, alert.id(), person, channel, kind, dueAt, body, now);
            if (dueAt <= now) {
                due.add(id);
            }
        }
        return dueAt;
    }

    static EscalationPolicy policyOf(StoredAlert alert) {
        return PolicyJson.parse(alert.policyBody().getBytes(StandardCharsets.UTF_8)).policies().policies().get(0);
    }
}
