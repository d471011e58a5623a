namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// An established connection ended. <see cref="Reason"/> is a sentence for logs;
/// <see cref="WasRequested"/> is true when this side disconnected on purpose.
/// </summary>
public sealed class MqttDisconnectedEventArgs(string reason, bool wasRequested) : EventArgs
{
    public string Reason { get; } = reason;

    public bool WasRequested { get; } = wasRequested;
}
