package city.gridcommand.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CellCountsTest {

    private static final String STREET_A = "440305001";
    private static final String STREET_B = "440305002";

    @Test
    void countsTheOpenEventsByChildAndSeverity() {
        CellCounts counts = new CellCounts("440305");
        counts.put(MemoryChangeLog.event(UUID.randomUUID(), STREET_B + "001001", "RED", true));
        counts.put(MemoryChangeLog.event(UUID.randomUUID(), STREET_A + "001001", "YELLOW", true));
        counts.put(MemoryChangeLog.event(UUID.randomUUID(), STREET_A + "002001", "YELLOW", true));
        counts.put(MemoryChangeLog.event(UUID.randomUUID(), STREET_A + "002002", "RED", true));

        assertThat(counts.cells().encode()).isEqualTo("[{\"cell\":\"440305001\",\"GREEN\":0,\"YELLOW\":2,\"RED\":1},"
                + "{\"cell\":\"440305002\",\"GREEN\":0,\"YELLOW\":0,\"RED\":1}]");
    }

    @Test
    void anEventThatChangesSeverityMovesAndAClosedOneLeaves() {
        CellCounts counts = new CellCounts("440305");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        counts.put(MemoryChangeLog.event(first, STREET_A + "001001", "GREEN", true));
        counts.put(MemoryChangeLog.event(second, STREET_B + "001001", "GREEN", true));

        counts.put(MemoryChangeLog.event(first, STREET_A + "001001", "RED", true));
        assertThat(counts.cells().encode()).isEqualTo("[{\"cell\":\"440305001\",\"GREEN\":0,\"YELLOW\":0,\"RED\":1},"
                + "{\"cell\":\"440305002\",\"GREEN\":1,\"YELLOW\":0,\"RED\":0}]");

        counts.put(MemoryChangeLog.event(second, STREET_B + "001001", "GREEN", false));
        counts.put(MemoryChangeLog.event(second, STREET_B + "001001", "GREEN", false));
        assertThat(counts.cells().encode()).isEqualTo("[{\"cell\":\"440305001\",\"GREEN\":0,\"YELLOW\":0,\"RED\":1}]");

        counts.put(MemoryChangeLog.event(first, STREET_A + "001001", "RED", false));
        assertThat(counts.cells().isEmpty()).isTrue();
    }

    @Test
    void theScopesOwnBaseCellCountsUnderItself() {
        String cell = STREET_A + "001001";
        CellCounts counts = new CellCounts(cell);
        counts.put(MemoryChangeLog.event(UUID.randomUUID(), cell, "YELLOW", true));
        assertThat(counts.cells().encode()).isEqualTo("[{\"cell\":\"" + cell + "\",\"GREEN\":0,\"YELLOW\":1,\"RED\":0}]");
    }

    @Test
    void anUnknownSeverityIsNotCounted() {
        CellCounts counts = new CellCounts("440305");
        counts.put(MemoryChangeLog.event(UUID.randomUUID(), STREET_A + "001001", "PURPLE", true));
        assertThat(counts.cells().isEmpty()).isTrue();
    }
}
