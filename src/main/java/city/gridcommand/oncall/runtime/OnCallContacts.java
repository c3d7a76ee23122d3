package city.gridcommand.oncall.runtime;

import city.gridcommand.oncall.ContactBook;
import city.gridcommand.oncall.ContactPreferences;
import city.gridcommand.oncall.ContactRules;
import city.gridcommand.registry.SenderDirectory;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.store.Await;
import city.gridcommand.store.OnCallRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each person's contact preferences: the stored ones, held in memory (read at start, updated on a save, read
 * again every {@code grid.oncall.refresh} for other instances' saves), else the defaults: a registered grid
 * worker gets {@code terminal} then {@code browser}, anyone else {@code browser}.
 */
@ApplicationScoped
public class OnCallContacts implements ContactBook {

    private final OnCallRepository repository;
    private final SenderDirectory registry;
    private volatile Map<String, ContactPreferences> stored = Map.of();

    OnCallContacts(OnCallRepository repository, SenderDirectory registry) {
        this.repository = repository;
        this.registry = registry;
    }

    /** Blocking: reads every stored preference (at start, and to follow other instances). */
    @Scheduled(every = "${grid.oncall.refresh:5s}", delayed = "${grid.oncall.refresh:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void reload() {
        // under the lock a save takes too: a read begun before a save could otherwise put back what it replaced
        List<ContactPreferences> all = Await.result(repository.contacts());
        Map<String, ContactPreferences> byPerson = new HashMap<>();
        all.forEach(p -> byPerson.put(p.personId(), p));
        stored = Map.copyOf(byPerson);
    }

    @Override
    public ContactPreferences of(String personId) {
        ContactPreferences p = stored.get(personId);
        return p != null ? p : ContactRules.defaults(personId, registry.isRegistered(SignalSource.WORKER_LOCATION, personId));
    }

    /** Whether the person stored preferences (else {@link #of} gives the defaults). */
    public boolean hasStored(String personId) {
        return stored.containsKey(personId);
    }

    /** Stores the preferences (validated already) and uses them at once. Blocking. */
    public synchronized void save(ContactPreferences preferences) {
        Await.result(repository.saveContact(preferences));
        Map<String, ContactPreferences> next = new HashMap<>(stored);
        next.put(preferences.personId(), preferences);
        stored = Map.copyOf(next);
    }
}
