namespace EdgeIngest.Interop.Mqtt;

/// <summary>An MQTT operation failed; the message names the broker and the cause.</summary>
public class MqttException : Exception
{
    public MqttException()
    {
    }

    public MqttException(string message)
        : base(message)
    {
    }

    public MqttException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
