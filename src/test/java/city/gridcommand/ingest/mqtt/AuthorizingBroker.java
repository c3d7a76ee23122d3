package city.gridcommand.ingest.mqtt;

import city.gridcommand.testing.Ports;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * HiveMQ CE, embedded, with an extension that decides every subscription as the test says: a real broker
 * that refuses a feed with SUBACK reason code 0x87 (not authorised) until its ACL is "fixed", and keeps
 * a record of every subscription asked for.
 */
final class AuthorizingBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    private final int port;
    /** Topic filters refused from now on. */
    volatile Predicate<String> refuses = filter -> false;
    /** Every subscription asked for: {@code clientId topicFilter}. */
    final List<String> asked = new CopyOnWriteArrayList<>();

    private AuthorizingBroker(Path folder) throws Exception {
        port = Ports.free();
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                    </listeners>
                    <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedExtension extension = EmbeddedExtension.builder().withId("authorizer").withName("authorizer")
                .withVersion("1").withPriority(0).withStartPriority(1000).withExtensionMain(new Main()).build();
        hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                .withEmbeddedExtension(extension).withoutLoggingBootstrap().build();
        hivemq.start().get(60, TimeUnit.SECONDS);
    }

    static AuthorizingBroker start(Path folder) throws Exception {
        return new AuthorizingBroker(folder);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private final class Main implements ExtensionMain {

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthorizerProvider(provider -> (SubscriptionAuthorizer) (in, out) -> {
                String filter = in.getSubscription().getTopicFilter();
                asked.add(in.getClientInformation().getClientId() + " " + filter);
                if (refuses.test(filter)) {
                    out.failAuthorization(SubackReasonCode.NOT_AUTHORIZED);
                } else {
                    out.authorizeSuccessfully();
                }
            });
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        }
    }

    @Override
    public void close() throws IOException {
        try {
            hivemq.stop().join();
        } finally {
            try {
                hivemq.close();
            } catch (Exception e) {
                // closing after a stop only releases resources
            }
        }
    }
}
