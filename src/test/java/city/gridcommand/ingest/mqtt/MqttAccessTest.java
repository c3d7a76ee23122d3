package city.gridcommand.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.gridcommand.it.process.MosquittoFromConfig;
import city.gridcommand.testing.Ports;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what on the production broker: Mosquitto started from {@code mqtt-config/} (its
 * {@code mosquitto.conf}, its {@code acl}, users and device blocks written by its {@code make-passwords.sh}
 * and {@code make-acl.sh}), played against by MQTT 5 clients at QoS 1. Each device and terminal has its own
 * credential and may use only its own topics; a worker's terminal reads only its own alerts; a gateway
 * publishes only on its own gateway topics (never as a device) and reads only its own alerts; the service
 * has its own credential on its own listener. The last test does the same with the client-certificate
 * listener that {@code mosquitto.conf} documents (commented out), uncommented.
 *
 * <p>Mosquitto refuses a publish it does not allow with PUBACK reason code 135 and drops it; it grants
 * every SUBSCRIBE and checks read access per message. A "nothing arrives" is therefore always shown
 * after something that does arrive on the same path: a publish that is let through on the same
 * connection (Mosquitto handles one connection's packets in order), or a message to the same subscriber.
 */
class MqttAccessTest {

    private static final String SERVICE = "grid-command";
    private static final String SERVICE_SECRET = "svc-secret";
    private static final Map<String, String> USERS = Map.of(SERVICE, SERVICE_SECRET, "smk-1", "smk1-secret",
            "smk-2", "smk2-secret", "wrk-1", "wrk1-secret", "wrk-2", "wrk2-secret", "gw-1", "gw1-secret",
            "gw-2", "gw2-secret");
    private static final List<String> DEVICES = List.of("sensor:smk-1", "sensor:smk-2", "worker:wrk-1", "worker:wrk-2",
            "gateway:gw-1", "gateway:gw-2");

    private static final String WRK1_ALERTS = "grid/v1/workers/wrk-1/alerts";
    private static final String WRK2_ALERTS = "grid/v1/workers/wrk-2/alerts";
    private static final String WRK1_LOCATION = "grid/v1/workers/wrk-1/location";
    private static final String SMK1_TELEMETRY = "grid/v1/sensors/smk-1/telemetry";
    private static final String SMK2_TELEMETRY = "grid/v1/sensors/smk-2/telemetry";
    private static final String GW1_TELEMETRY = "grid/v1/gateways/gw-1/telemetry";
    private static final String GW1_STATUS = "grid/v1/gateways/gw-1/status";
    private static final String GW1_ALERTS = "grid/v1/gateways/gw-1/alerts";
    private static final String GW2_TELEMETRY = "grid/v1/gateways/gw-2/telemetry";
    private static final String GW2_ALERTS = "grid/v1/gateways/gw-2/alerts";

    private static final Duration QUIET = Duration.ofMillis(500);

    private static MosquittoFromConfig mosquitto;

    @BeforeAll
    static void startBroker(@TempDir Path folder) throws Exception {
        assumeTrue(MosquittoFromConfig.available(), "needs mosquitto to check mqtt-config");
        mosquitto = MosquittoFromConfig.start(folder, USERS, DEVICES);
    }

    @AfterAll
    static void stopBroker() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void aWorkersTerminalReadsItsOwnAlertsAndNoOneElses() throws Exception {
        try (Client service = Client.connect(mosquitto.serviceUrl(), "grid-command-alerts", SERVICE, SERVICE_SECRET);
                Client wrk1 = device("wrk-1");
                Client wrk2 = device("wrk-2");
                Client smk1 = device("smk-1")) {
            wrk1.subscribe(WRK1_ALERTS);
            // Granted (SUBACK), but filtered per message by the ACL.
            wrk2.subscribe(WRK1_ALERTS, "grid/v1/workers/+/alerts", "grid/v1/#");
            smk1.subscribe("grid/v1/#");

            assertThat(service.publish(WRK1_ALERTS, "a1")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(service.publish(WRK1_ALERTS, "marker")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(service.publish(WRK2_ALERTS, "b1")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

            await().atMost(Duration.ofSeconds(5)).until(() -> wrk1.received.contains(WRK1_ALERTS + " marker"));
            // wrk-2's subscriptions work: its own alert, published after wrk-1's, arrives.
            await().atMost(Duration.ofSeconds(5)).until(() -> wrk2.received.contains(WRK2_ALERTS + " b1"));
            await().during(QUIET).atMost(QUIET.multipliedBy(4)).untilAsserted(() -> {
                assertThat(wrk2.received).as("wrk-2, subscribed to wrk-1's alerts, +/alerts and grid/v1/#")
                        .allMatch(m -> m.equals(WRK2_ALERTS + " b1"));
                assertThat(smk1.received).as("a sensor subscribed to grid/v1/#").isEmpty();
            });
            assertThat(wrk1.received).as("wrk-1 gets its alerts, in order, and none of wrk-2's")
                    .containsExactly(WRK1_ALERTS + " a1", WRK1_ALERTS + " marker");
        }
    }

    @Test
    void aSensorPublishesOnlyItsOwnTelemetry() throws Exception {
        try (Client service = serviceReadingEverything("grid-command-sensors"); Client smk1 = device("smk-1")) {
            assertThat(smk1.publish(SMK2_TELEMETRY, "s1")).as("another sensor's telemetry")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(smk1.publish(WRK1_LOCATION, "s2")).as("a worker's location")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(smk1.publish("grid/v1/devices/smk-2/status", "s3")).as("another device's status")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(smk1.publish(SMK1_TELEMETRY, "s4")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(smk1.publish("grid/v1/devices/smk-1/status", "s5")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

            await().atMost(Duration.ofSeconds(5)).until(() -> service.received.size() >= 2);
            assertThat(service.received).as("what reached the service")
                    .containsExactly(SMK1_TELEMETRY + " s4", "grid/v1/devices/smk-1/status s5");
        }
    }

    @Test
    void aWorkerPublishesNeitherEventsNorAlerts() throws Exception {
        try (Client service = serviceReadingEverything("grid-command-workers"); Client wrk1 = device("wrk-1")) {
            assertThat(wrk1.publish("grid/v1/events/evt-1", "w1")).as("an event change")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(wrk1.publish(WRK2_ALERTS, "w2")).as("another worker's alerts")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(wrk1.publish(WRK1_ALERTS, "w3")).as("its own alerts")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(wrk1.publish("grid/v1/sensors/wrk-1/telemetry", "w4")).as("sensor telemetry under its own id")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(wrk1.publish(WRK1_LOCATION, "w5")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

            await().atMost(Duration.ofSeconds(5)).until(() -> !service.received.isEmpty());
            assertThat(service.received).as("what reached the service").containsExactly(WRK1_LOCATION + " w5");
        }
    }

    @Test
    void aGatewayPublishesOnlyOnItsOwnGatewayTopicsAndReadsOnlyItsOwnAlerts() throws Exception {
        try (Client service = serviceReadingEverything("grid-command-gateways");
                Client gw1 = device("gw-1");
                Client gw2 = device("gw-2")) {
            assertThat(gw1.publish(GW2_TELEMETRY, "g1")).as("another gateway's telemetry")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(gw1.publish(SMK1_TELEMETRY, "g2")).as("a sensor's own telemetry")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(gw1.publish(GW1_ALERTS, "g3")).as("its own alerts")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(gw1.publish(GW1_TELEMETRY, "g4")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(gw1.publish(GW1_STATUS, "g5")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

            await().atMost(Duration.ofSeconds(5)).until(() -> service.received.size() >= 2);
            assertThat(service.received).as("what reached the service")
                    .containsExactly(GW1_TELEMETRY + " g4", GW1_STATUS + " g5");

            gw2.subscribe(GW2_ALERTS);
            // Granted (SUBACK), but filtered per message by the ACL.
            gw1.subscribe(GW1_ALERTS, GW2_ALERTS, "grid/v1/gateways/+/alerts");
            try (Client alerts = Client.connect(mosquitto.serviceUrl(), "grid-command-gateway-alerts", SERVICE,
                    SERVICE_SECRET)) {
                assertThat(alerts.publish(GW2_ALERTS, "a1")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
                assertThat(alerts.publish(GW1_ALERTS, "a2")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            }
            // gw-2 gets its alert; gw-1 gets its own, published after gw-2's, and not gw-2's before it.
            await().atMost(Duration.ofSeconds(5)).until(() -> gw2.received.contains(GW2_ALERTS + " a1"));
            await().atMost(Duration.ofSeconds(5)).until(() -> gw1.received.contains(GW1_ALERTS + " a2"));
            assertThat(gw1.received).as("gw-1, subscribed to gw-2's alerts and +/alerts")
                    .allMatch(m -> m.equals(GW1_ALERTS + " a2"));
            assertThat(gw2.received).containsExactly(GW2_ALERTS + " a1");
        }
    }

    @Test
    void eachListenerLetsInOnlyItsOwnUsers() {
        try (Client ok = device("wrk-1")) {
            assertThat(ok.client.getState().isConnected()).isTrue();
        }
        try (Client ok = Client.connect(mosquitto.serviceUrl(), "grid-command-ok", SERVICE, SERVICE_SECRET)) {
            assertThat(ok.client.getState().isConnected()).isTrue();
        }
        assertRefused(() -> Client.connect(mosquitto.url(), "grid-command-0", SERVICE, SERVICE_SECRET),
                "the service's credential on the devices' listener");
        assertRefused(() -> Client.connect(mosquitto.serviceUrl(), "wrk-1", "wrk-1", "wrk1-secret"),
                "a device's credential on the service's listener");
    }

    @Test
    void anonymousAndWrongPasswordsAreRefused() {
        for (String url : List.of(mosquitto.url(), mosquitto.serviceUrl())) {
            assertRefused(() -> Client.connect(url, "anon", null, null), "anonymous on " + url);
        }
        assertRefused(() -> Client.connect(mosquitto.url(), "wrk-1", "wrk-1", "wrk2-secret"),
                "wrk-1 with a wrong password");
        assertRefused(() -> Client.connect(mosquitto.url(), "wrk-9", "wrk-9", "wrk1-secret"), "an unknown user");
        assertRefused(() -> Client.connect(mosquitto.serviceUrl(), "grid-command-0", SERVICE, "wrong"),
                "the service's user with a wrong password");
    }

    /**
     * The client-certificate listener documented (commented out) at the end of {@code mosquitto.conf},
     * uncommented as it is written there: a device certificate's CN is the username the generated ACL is
     * keyed on, and its client id.
     */
    @Test
    void withClientCertificatesTheCertificatesNameIsTheUser(@TempDir Path folder) throws Exception {
        try (CertificateBroker broker = CertificateBroker.start(folder);
                Client service = Client.connect(broker.serviceUrl, "grid-command-0", SERVICE, SERVICE_SECRET);
                Client wrk1 = Client.connect(broker.device("wrk-1", "wrk-1"), null, null);
                Client wrk2 = Client.connect(broker.device("wrk-2", "wrk-1"), null, null)) {
            service.subscribe("grid/v1/#");
            wrk1.subscribe(WRK1_ALERTS);
            wrk2.subscribe("grid/v1/#");

            assertThat(wrk2.publish(WRK1_LOCATION, "c1")).as("wrk-2's certificate, another worker's location")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(wrk2.publish(WRK2_ALERTS, "c2")).as("wrk-2's certificate, its own alerts")
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(wrk2.publish("grid/v1/workers/wrk-2/location", "c3")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            await().atMost(Duration.ofSeconds(5)).until(() -> !service.received.isEmpty());
            assertThat(service.received).containsExactly("grid/v1/workers/wrk-2/location c3");

            assertThat(service.publish(WRK1_ALERTS, "c4")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(service.publish(WRK2_ALERTS, "c5")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            await().atMost(Duration.ofSeconds(5)).until(() -> wrk1.received.contains(WRK1_ALERTS + " c4"));
            await().atMost(Duration.ofSeconds(5)).until(() -> wrk2.received.contains(WRK2_ALERTS + " c5"));
            await().during(QUIET).atMost(QUIET.multipliedBy(4)).untilAsserted(() -> assertThat(wrk2.received)
                    .as("wrk-2, subscribed to grid/v1/#").allMatch(m -> m.equals(WRK2_ALERTS + " c5")));
            assertThat(wrk1.client.getState().isConnected())
                    .as("wrk-1 is still connected: wrk-2 asked for client id wrk-1 and was given its own").isTrue();
            assertThat(wrk1.received).containsExactly(WRK1_ALERTS + " c4");

            // The broker ends the TLS handshake (alerts certificate_required and unknown_ca): no MQTT at all.
            assertThatThrownBy(() -> Client.connect(broker.withoutCertificate(), "wrk-1", "wrk1-secret").close())
                    .as("no client certificate, even with a password").hasRootCauseInstanceOf(SSLHandshakeException.class);
            assertThatThrownBy(() -> Client.connect(broker.selfSigned("wrk-1"), null, null).close())
                    .as("a certificate for wrk-1 that the device CA did not sign")
                    .hasRootCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    private static Client device(String id) {
        return Client.connect(mosquitto.url(), id, id, USERS.get(id));
    }

    private static Client serviceReadingEverything(String clientId) {
        Client service = Client.connect(mosquitto.serviceUrl(), clientId, SERVICE, SERVICE_SECRET);
        service.subscribe("grid/v1/#");
        return service;
    }

    private static void assertRefused(Runnable connect, String who) {
        assertThatThrownBy(connect::run).as(who).isInstanceOfSatisfying(Mqtt5ConnAckException.class,
                e -> assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
    }

    /** An MQTT 5 client that keeps every message it receives as "topic payload". */
    private static final class Client implements AutoCloseable {

        final Mqtt5BlockingClient client;
        final List<String> received = new CopyOnWriteArrayList<>();

        private Client(Mqtt5BlockingClient client) {
            this.client = client;
            client.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> received.add(
                    p.getTopic() + " " + new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        }

        static Client connect(String url, String clientId, String username, String password) {
            URI uri = URI.create(url);
            return connect(MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost(uri.getHost())
                    .serverPort(uri.getPort()), username, password);
        }

        static Client connect(Mqtt5ClientBuilder builder, String username, String password) {
            Client client = new Client(builder.buildBlocking());
            var connect = client.client.connectWith();
            if (username != null) {
                connect.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                        .applySimpleAuth();
            }
            connect.send();
            return client;
        }

        void subscribe(String... filters) {
            for (String filter : filters) {
                client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            }
        }

        /** QoS 1; the broker's PUBACK reason code. */
        Mqtt5PubAckReasonCode publish(String topic, String payload) {
            try {
                Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
                return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
            } catch (Mqtt5PubAckException e) {
                return e.getMqttMessage().getReasonCode();
            }
        }

        @Override
        public void close() {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        }
    }

    /**
     * mosquitto.conf with its client-certificate listener uncommented (everything after
     * {@code #listener 8883}), its ports and {@code /mosquitto/} paths rewritten as MosquittoFromConfig does;
     * the service's password from make-passwords.sh, the ACL from make-acl.sh, and a throw-away device CA
     * (EC keys, quick) that signs the broker's certificate and the devices'.
     */
    private static final class CertificateBroker implements AutoCloseable {

        private static final char[] PASSWORD = "grid-it".toCharArray();

        final String serviceUrl;
        private final Path folder;
        private final int certificatePort;
        private final Process process;

        private CertificateBroker(Path folder, String serviceUrl, int certificatePort, Process process) {
            this.folder = folder;
            this.serviceUrl = serviceUrl;
            this.certificatePort = certificatePort;
            this.process = process;
        }

        static CertificateBroker start(Path folder) throws Exception {
            Path config = Path.of("mqtt-config");
            Path root = folder.toAbsolutePath();
            for (String dir : List.of("data", "secret", "config", "certs")) {
                Files.createDirectories(root.resolve(dir));
            }
            String conf = Files.readString(config.resolve("mosquitto.conf"));
            int block = conf.indexOf("\n#listener 8883\n");
            assertThat(block).as("mosquitto.conf's commented-out client-certificate listener").isPositive();
            int port = Ports.free();
            int servicePort = Ports.free();
            int certificatePort = Ports.free();
            conf = (conf.substring(0, block) + conf.substring(block).replaceAll("(?m)^#(?=[a-z_]+ )", ""))
                    .replaceAll("(?m)^listener 1883$", "listener " + port + " 127.0.0.1")
                    .replaceAll("(?m)^listener 1884$", "listener " + servicePort + " 127.0.0.1")
                    .replaceAll("(?m)^listener 8883$", "listener " + certificatePort + " 127.0.0.1")
                    .replace("/mosquitto/", root + "/");
            assertThat(conf).contains("require_certificate true", "use_identity_as_username true");
            Files.writeString(root.resolve("mosquitto.conf"), conf);
            Files.writeString(root.resolve("secret/passwd"), ""); // no device passwords: certificates only
            run(root, "", config.resolve("make-acl.sh").toAbsolutePath().toString(), "config/acl",
                    "worker:wrk-1", "worker:wrk-2");
            run(root, SERVICE + ":" + SERVICE_SECRET + "\n", config.resolve("make-passwords.sh").toAbsolutePath()
                    .toString(), "--service", "secret/service-passwd");

            // The device CA (cafile), and the broker's certificate (certfile, keyfile) signed by it.
            run(root, "", "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=grid-device-ca", "-keyout", "ca.key", "-out", "certs/ca.crt");
            Files.writeString(root.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
            issue(root, "localhost", "certs/server", "ca", "-extfile", "san.ext");
            // As root, mosquitto drops to its own user, which must be able to read and write the folder.
            run(root, "", "sh", "-c", "id -u mosquitto >/dev/null 2>&1 && [ $(id -u) = 0 ] && chown -R mosquitto "
                    + root + " || true");

            Process process = new ProcessBuilder("mosquitto", "-c", root.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("broker.log").toFile()).start();
            CertificateBroker broker = new CertificateBroker(root, "tcp://127.0.0.1:" + servicePort, certificatePort,
                    process);
            try {
                for (int p : List.of(servicePort, certificatePort)) {
                    broker.awaitListening(p);
                }
            } catch (RuntimeException | IOException e) {
                broker.close();
                throw e;
            }
            return broker;
        }

        /** A client with a certificate for {@code cn} from the device CA, asking for client id {@code clientId}. */
        Mqtt5ClientBuilder device(String cn, String clientId) throws Exception {
            issue(folder, cn, cn, "ca");
            return tls(clientId, keyStore(cn));
        }

        /** A client with a certificate for {@code cn} that signed itself. */
        Mqtt5ClientBuilder selfSigned(String cn) throws Exception {
            String name = "self-" + cn;
            run(folder, "", "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=" + cn, "-keyout", name + ".key", "-out", name + ".crt");
            return tls(cn, keyStore(name));
        }

        /** A client that trusts the broker but has no certificate of its own. */
        Mqtt5ClientBuilder withoutCertificate() throws Exception {
            return tls("anon", null);
        }

        private Mqtt5ClientBuilder tls(String clientId, KeyManagerFactory keys) throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(folder.resolve("certs/ca.crt"))) {
                trust.setCertificateEntry("grid-device-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            var ssl = MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost("localhost")
                    .serverPort(certificatePort).sslConfig().trustManagerFactory(trustManagers)
                    .handshakeTimeout(5, TimeUnit.SECONDS);
            if (keys != null) {
                ssl = ssl.keyManagerFactory(keys);
            }
            return ssl.applySslConfig();
        }

        private KeyManagerFactory keyStore(String name) throws Exception {
            run(folder, "", "openssl", "pkcs12", "-export", "-in", name + ".crt", "-inkey", name + ".key",
                    "-out", name + ".p12", "-passout", "pass:" + new String(PASSWORD));
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(folder.resolve(name + ".p12"))) {
                store.load(in, PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            return keys;
        }

        /** A key and a certificate for {@code cn}, {@code out}.key and {@code out}.crt, signed by {@code ca}. */
        private static void issue(Path dir, String cn, String out, String ca, String... extra)
                throws IOException, InterruptedException {
            run(dir, "", "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-subj", "/CN=" + cn, "-keyout", out + ".key", "-out", out + ".csr");
            List<String> sign = new ArrayList<>(List.of("openssl", "x509", "-req", "-days", "2", "-in", out + ".csr",
                    "-CA", "certs/" + ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial", "-out", out + ".crt"));
            sign.addAll(List.of(extra));
            run(dir, "", sign.toArray(String[]::new));
        }

        private void awaitListening(int port) throws IOException, InterruptedException {
            MosquittoFromConfig.awaitListening(process, folder.resolve("broker.log"), port);
        }

        private static void run(Path dir, String input, String... command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(List.of(command) + " failed: " + output);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }
}
