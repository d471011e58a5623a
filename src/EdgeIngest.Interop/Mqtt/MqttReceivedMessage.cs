namespace EdgeIngest.Interop.Mqtt;

/// <summary>A message delivered to a subscription; the payload is a managed copy the receiver owns.</summary>
public sealed record MqttReceivedMessage(string Topic, byte[] Payload, int Qos, bool Retain);
