using System.Runtime.InteropServices;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>Turning return codes and broker refusals into messages that name the broker and the cause.</summary>
public sealed partial class MosquittoClient
{
    private MqttConnectException ConnectFailure(string cause) =>
        new($"Could not connect to MQTT broker {Broker}: {cause}.");

    private MqttException NotConnected(string operation)
    {
        string reason;
        lock (_gate)
        {
            reason = _lastDisconnectReason;
        }

        return new MqttException($"Cannot {operation}: not connected to MQTT broker {Broker} ({reason}).");
    }

    /// <summary>
    /// A connection that dies before CONNACK over TLS is almost always the handshake: with TLS 1.3
    /// a broker rejects a client certificate only after the client's side of the handshake is done,
    /// so libmosquitto sees a bare EPROTO or a lost connection rather than a TLS error.
    /// </summary>
    private string TlsHint() => _settings.UseTls
        ? _settings.CertificateFile is null
            ? " (during TLS set-up: the broker may require a client certificate)"
            : " (during TLS set-up: the broker may not trust this client certificate, or the key does not match it)"
        : string.Empty;

    private string AsUser() => _settings.Username is null ? string.Empty : $" for user '{_settings.Username}'";

    private static string RefusalHint(int reasonCode) => reasonCode switch
    {
        0x86 => "; check the username and password",
        // mosquitto answers a wrong password with 0x87 rather than 0x86.
        0x87 => "; check the username and password (or the client certificate)",
        _ => string.Empty,
    };

    private void Check(int rc, string what)
    {
        if (rc != MosquittoError.Success)
        {
            throw new MqttException($"Could not {what} for MQTT broker {Broker}: {MosquittoErrors.Describe(rc)}.");
        }
    }
}
