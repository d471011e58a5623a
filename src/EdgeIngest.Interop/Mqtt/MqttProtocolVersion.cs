namespace EdgeIngest.Interop.Mqtt;

/// <summary>The MQTT protocol a client speaks; values are libmosquitto's <c>MQTT_PROTOCOL_V*</c>.</summary>
public enum MqttProtocolVersion
{
    /// <summary>
    /// MQTT 3.1.1. With clean session off, the broker keeps the session and queues QoS 1
    /// messages while the client is away, with no Session Expiry property needed — which
    /// libmosquitto 2.0 cannot send on reconnects. Right for a subscriber that must miss nothing.
    /// </summary>
    V311 = 4,

    /// <summary>MQTT 5: reason codes on PUBACK (an ACL refusal is reported, not silently dropped).</summary>
    V5 = 5,
}
