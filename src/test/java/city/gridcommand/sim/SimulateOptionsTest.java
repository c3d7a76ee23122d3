package city.gridcommand.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulateOptionsTest {

    @Test
    void defaultsPublishTheStandardCityForAMinuteToTheLocalBroker() {
        SimulateOptions options = SimulateOptions.parse();

        assertThat(options.url()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(options.rate()).isEqualTo(2000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.messages()).isNull();
        assertThat(options.baseCells()).isEqualTo(2_000);
        assertThat(options.help()).isFalse();
        assertThat(options.intensity()).isEqualTo(Intensity.NORMAL);
    }

    @Test
    void intensityIsCalmNormalOrStorm() {
        assertThat(SimulateOptions.parse("--intensity=calm").intensity()).isEqualTo(Intensity.CALM);
        assertThat(SimulateOptions.parse("--intensity=Storm").intensity()).isEqualTo(Intensity.STORM);
        assertThat(Intensity.CALM.factor()).isLessThan(Intensity.NORMAL.factor());
        assertThat(Intensity.STORM.factor()).isGreaterThan(Intensity.NORMAL.factor());
        assertBad("--intensity", "--intensity=hurricane");
    }

    @Test
    void everyOptionIsRead() {
        SimulateOptions options = SimulateOptions.parse("--url=ssl://broker:8883", "--rate=2000", "--messages=10000",
                "--seed=42", "--base-cells=100000", "--username=grid-bench", "--password=s3cret");

        assertThat(options.url()).isEqualTo("ssl://broker:8883");
        assertThat(options.rate()).isEqualTo(2000);
        assertThat(options.duration()).isNull();
        assertThat(options.messages()).isEqualTo(10_000);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.baseCells()).isEqualTo(100_000);
        assertThat(options.username()).isEqualTo("grid-bench");
        assertThat(options.password()).isEqualTo("s3cret");
    }

    @Test
    void theStaffPlayOnlyWhenAskedAgainstTheLocalServiceWithTheDemoPassword() {
        assertThat(SimulateOptions.parse().staff()).isNull();

        StaffOptions staff = SimulateOptions.parse("--staff").staff();
        assertThat(staff.api()).hasToString("http://127.0.0.1:8080");
        assertThat(staff.password()).isEqualTo("demo");

        // the broker's credentials and the demo people's password are apart
        SimulateOptions options = SimulateOptions.parse("--staff", "--api=https://grid.example:8443",
                "--staff-password=s3cret", "--username=grid-bench", "--password=broker");
        assertThat(options.staff().api()).hasToString("https://grid.example:8443");
        assertThat(options.staff().password()).isEqualTo("s3cret");
        assertThat(options.password()).isEqualTo("broker");
    }

    @Test
    void gatewaysAreNoneUnlessAsked() {
        assertThat(SimulateOptions.parse().gateways()).isZero();
        assertThat(SimulateOptions.parse("--gateways=2").gateways()).isEqualTo(2);
        assertBad("--gateways", "--gateways=-1");
        assertBad("--gateways", "--gateways=two");
    }

    @Test
    void staffOptionsAreChecked() {
        assertBad("--api", "--staff", "--api=tcp://127.0.0.1:1883");
        assertBad("--api", "--staff", "--api=127.0.0.1:8080");
        assertBad("--staff-password", "--staff", "--staff-password=");
        assertBad("--staff", "--api=http://127.0.0.1:8080");
        assertBad("--staff", "--staff-password=demo");
        assertBad("--staff", "--staff=yes");
    }

    @Test
    void durationsTakeTheUsualUnits() {
        assertThat(SimulateOptions.parse("--duration=90s").duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(SimulateOptions.parse("--duration=5m").duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(SimulateOptions.parse("--duration=1h").duration()).isEqualTo(Duration.ofHours(1));
        assertThat(SimulateOptions.parse("--duration=500ms").duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(SimulateOptions.parse("--duration=30").duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badArgumentsAreNamed() {
        assertBad("--duration and --messages", "--duration=10s", "--messages=5");
        assertBad("--rate", "--rate=fast");
        assertBad("--rate", "--rate=0");
        assertBad("--duration", "--duration=soon");
        assertBad("--duration", "--duration=0s");
        assertBad("--frobnicate", "--frobnicate=1");
        assertBad("simulate", "simulate");
        assertBad("--password", "--username=only");
        assertBad("--url", "--url=http://broker:1883");
        assertBad("--url", "--url=broker:1883");
    }

    @Test
    void helpIsPrintedAndTheCommandEndsWell() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = SimulateCommand.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isEqualTo(SimulateCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--rate=N", "--duration=D", "--messages=N",
                "--seed=N", "--intensity=I", "tcp://127.0.0.1:1883", "--staff", "--api=URL", "http://127.0.0.1:8080",
                "--staff-password=P");
    }

    @Test
    void aBadArgumentEndsTheCommandWithTheUsageStatus() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SimulateCommand.run(new String[] {"--rate=-1"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(SimulateCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rate", "--help");
    }

    private static void assertBad(String named, String... args) {
        assertThatThrownBy(() -> SimulateOptions.parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named.startsWith("--duration and") ? "not both" : named);
    }
}
