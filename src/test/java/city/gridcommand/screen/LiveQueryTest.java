package city.gridcommand.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveQueryTest {

    @Test
    void readsScopeSinceEpochAndTicket() {
        LiveQuery query = LiveQuery.parse("scope=440305001&since=42&epoch=e%2D1&ticket=abc.def");
        assertThat(query.problem()).isNull();
        assertThat(query.scope()).isEqualTo("440305001");
        assertThat(query.since()).isEqualTo(42L);
        assertThat(query.epoch()).isEqualTo("e-1");
        assertThat(query.ticket()).isEqualTo("abc.def");
        assertThat(LiveQuery.parse("scope=440305").since()).isNull();
    }

    @Test
    void namesTheParameterAtFault() {
        assertThat(LiveQuery.parse(null).problem()).startsWith("scope:");
        assertThat(LiveQuery.parse("since=1").problem()).startsWith("scope:");
        assertThat(LiveQuery.parse("scope=abc").problem()).startsWith("scope:");
        assertThat(LiveQuery.parse("scope=440305&since=yesterday").problem()).startsWith("since:");
        assertThat(LiveQuery.parse("scope=440305&since=-3").problem()).startsWith("since:");
    }

    @Test
    void theAuditTrailKeepsTheHostOfAnAddress() {
        assertThat(LiveEndpoint.host("127.0.0.1:54321")).isEqualTo("127.0.0.1");
        assertThat(LiveEndpoint.host("[::1]:54321")).isEqualTo("::1");
        assertThat(LiveEndpoint.host("10.0.0.7")).isEqualTo("10.0.0.7");
        assertThat(LiveEndpoint.host(null)).isNull();
    }
}
