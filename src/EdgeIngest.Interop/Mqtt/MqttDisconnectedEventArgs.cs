namespace EdgeIngest.Interop.Mqtt;

/// <summary>
/// An established connection ended. <see cref="Reason"/> is a sentence for logs;
/// <see cref="WillReconnect"/> says whether the client's loop will keep trying.
/// </summary>
public sealed class MqttDisconnectedEventArgs(string reason, bool wasRequested, bool willReconnect) : EventArgs
{
    public string Reason { get; } = reason;

    public bool WasRequested { get; } = wasRequested;

    public bool WillReconnect { get; } = willReconnect;
}
