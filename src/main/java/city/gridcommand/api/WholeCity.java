package city.gridcommand.api;

import city.gridcommand.access.Caller;

/**
 * What spans the whole city and cannot be cut to a caller's cells: the grid and the rule set (replaced
 * whole), dead letters and ingest counters (of every sender, located or not), the audit trail (of every
 * change, many without a cell). Only a token covering every cell ({@code *}) reaches them; an admin of part
 * of the city is refused with 403, never answered with a part (statistics of a wider scope are refused,
 * not silently cut).
 */
final class WholeCity {

    private WholeCity() {
    }

    /** @param what what is asked for, for the refusal's sentence ("the grid", "the dead letters") */
    static void require(Caller caller, String what) {
        if (!caller.scope().everywhere()) {
            throw ProblemException.forbidden(what + " span the whole city: only a token covering every cell (*) "
                    + "reaches them, not one of " + caller.scope());
        }
    }
}
