package city.gridcommand.ingest.mqtt;

import io.netty.handler.codec.DecoderException;

/** The broker sent something MQTT 5 does not allow, or that this subscriber does not take (QoS 2, AUTH). */
final class MqttProtocolException extends DecoderException {

    MqttProtocolException(String message) {
        super(message);
    }
}
