package city.gridcommand.ingest.mqtt;

/** The MQTT 5 control packets a subscriber receives, as decoded by {@link MqttFrameDecoder}. */
sealed interface MqttPacket {

    /** No reason string in the packet. */
    String NO_REASON = "";

    /**
     * @param serverKeepAlive the keep-alive the broker imposes, in seconds, or -1 when it accepts ours
     */
    record ConnAck(boolean sessionPresent, int reasonCode, int serverKeepAlive, String reasonString)
            implements MqttPacket {

        boolean accepted() {
            return reasonCode < 0x80;
        }
    }

    /**
     * One application message. When its payload was larger than the decoder keeps, {@code payload} is only
     * the first bytes and {@code payloadSize} the size that was sent.
     *
     * @param packetId 0 at QoS 0
     */
    record Publish(String topic, int qos, boolean dup, int packetId, byte[] payload, int payloadSize)
            implements MqttPacket {
    }

    /** One reason code per topic filter, in the order they were subscribed; 0x80 and above are refusals. */
    record SubAck(int packetId, int[] reasonCodes) implements MqttPacket {
    }

    record PingResp() implements MqttPacket {
    }

    /** The broker ends the connection; {@code reasonCode} 0 is a normal disconnection. */
    record Disconnect(int reasonCode, String reasonString) implements MqttPacket {
    }
}
