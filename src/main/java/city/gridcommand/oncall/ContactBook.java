package city.gridcommand.oncall;

/** Each person's contact preferences: as stored, or the defaults for who they are. */
public interface ContactBook {

    ContactPreferences of(String personId);
}
