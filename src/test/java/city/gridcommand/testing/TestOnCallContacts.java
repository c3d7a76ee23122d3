package city.gridcommand.testing;

import city.gridcommand.oncall.ContactBook;
import city.gridcommand.oncall.ContactPreferences;
import city.gridcommand.oncall.QuietHours;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * STAND-IN for the contact preferences (issue 13, helper A's {@code oncall.runtime}), for the alert tests only
 * until the real {@link ContactBook} is on main: what the test put, else the terminal alone and no quiet hours.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestOnCallContacts implements ContactBook {

    private final Map<String, ContactPreferences> people = new ConcurrentHashMap<>();

    public void put(String person, List<String> channels, QuietHours quiet) {
        people.put(person, new ContactPreferences(person, channels, quiet));
    }

    public void clear() {
        people.clear();
    }

    @Override
    public ContactPreferences of(String personId) {
        return people.getOrDefault(personId, new ContactPreferences(personId, List.of("terminal"), null));
    }
}
