namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// Connecting to the broker failed: unreachable, refused by CONNACK (with its MQTT 5 reason code),
/// or a TLS failure. Never carries the password.
/// </summary>
public class MqttConnectException : MqttException
{
    public MqttConnectException()
    {
    }

    public MqttConnectException(string message)
        : base(message)
    {
    }

    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The CONNACK reason code when the broker answered and refused; null otherwise.</summary>
    public int? ReasonCode { get; init; }

    public MqttConnectFailure Failure { get; init; } = MqttConnectFailure.ConnectionLost;
}
