using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Publishing;

/// <summary>A subscription made on every (re)connect; <see cref="Handler"/> runs on the MQTT network thread and must return quickly.</summary>
public sealed record TopicSubscription(string TopicFilter, int Qos, Action<MqttReceivedMessage> Handler);
