package city.gridcommand.store;

import java.util.UUID;

/** The case asked for does not exist. */
public final class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(UUID id) {
        super("no event '" + id + "'");
    }
}
