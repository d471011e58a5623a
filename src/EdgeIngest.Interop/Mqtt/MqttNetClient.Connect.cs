using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeIngest.Interop.Mqtt;

/// <summary>The CONNECT this client sends, and a failed connect turned into a message that names the broker and the cause.</summary>
public sealed partial class MqttNetClient
{
    /// <summary>The socket's send and receive buffer (SO_SNDBUF, SO_RCVBUF): room for a clip chunk and more.</summary>
    internal const int SocketBufferBytes = 1024 * 1024;

    private MqttClientOptions BuildOptions(MqttTlsSetup? tls)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_settings.Host, _settings.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(_settings.CleanSession)
            .WithSessionExpiryInterval((uint)_settings.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(_settings.KeepAlive)
            .WithTimeout(_settings.ConnectTimeout);
        if (_settings.ClientId is { } clientId)
        {
            builder.WithClientId(clientId);
        }

        if (_settings.ReceiveMaximum is { } receiveMaximum)
        {
            builder.WithReceiveMaximum((ushort)Math.Clamp(receiveMaximum, 1, ushort.MaxValue));
        }

        if (_settings.Username is { } username)
        {
            builder.WithCredentials(username, _settings.Password);
        }

        if (_settings.LastWill is { } will)
        {
            builder.WithWillTopic(will.Topic)
                .WithWillPayload(will.Payload.ToArray())
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)will.Qos)
                .WithWillRetain(will.Retain);
        }

        if (tls is not null)
        {
            builder.WithTlsOptions(tls.Configure);
        }

        var options = builder.Build();
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            // MQTTnet sets the socket's send and receive buffers to 8 KiB by default, which turns
            // off the kernel's buffer sizing: a 256 KiB clip or footage chunk then crosses in
            // many small windows, each waiting for the peer's delayed acknowledgement (≈ 40 ms
            // a chunk on loopback; benchmarks/README.md, "Footage delivery").
            tcp.BufferSize = SocketBufferBytes;
        }

        return options;
    }

    private MqttConnectException Refusal(MqttClientConnectResult result)
    {
        var code = (int)result.ResultCode;
        var notAuthorized = result.ResultCode is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized
            or MqttClientConnectResultCode.Banned or MqttClientConnectResultCode.BadAuthenticationMethod;
        var asUser = _settings.Username is null ? string.Empty : $" for user '{_settings.Username}'";
        var hint = notAuthorized
            ? _settings.Username is null ? "; check the client certificate and the broker's ACL" : "; check the username and password (or the client certificate)"
            : string.Empty;
        return new MqttConnectException($"Could not connect to MQTT broker {Broker}: the broker refused the connection{asUser}: {MqttReasonText.Of(result.ResultCode)}{Detail(result.ReasonString)}{hint}.")
        {
            ReasonCode = code,
            Failure = notAuthorized ? MqttConnectFailure.NotAuthorized : MqttConnectFailure.Refused,
        };
    }

    private MqttConnectException DescribeConnectFailure(Exception e, bool timedOut, MqttTlsSetup? tls)
    {
        var (failure, cause) = Classify(e, timedOut, tls);
        return new MqttConnectException($"Could not connect to MQTT broker {Broker}: {cause}.", e) { Failure = failure };
    }

    private (MqttConnectFailure Failure, string Cause) Classify(Exception e, bool timedOut, MqttTlsSetup? tls)
    {
        if (tls?.RejectedBrokerCertificate is { } rejected)
        {
            return (MqttConnectFailure.Tls, $"TLS set-up failed: {rejected}");
        }

        if (Find<SocketException>(e) is { } socket && Unreachable(socket.SocketErrorCode) is { } unreachable)
        {
            return (MqttConnectFailure.Unreachable, unreachable);
        }

        if (timedOut)
        {
            return (MqttConnectFailure.TimedOut, $"no answer within {_settings.ConnectTimeout.TotalSeconds:0.#} s (host unreachable, or a firewall drops the packets)");
        }

        if (Find<AuthenticationException>(e) is { } authentication)
        {
            return (MqttConnectFailure.Tls, $"TLS set-up failed: {Innermost(authentication).Message}{TlsHint()}");
        }

        // With TLS 1.3 the broker refuses a client certificate only after the client's side of
        // the handshake is done, so the client sees the connection end while waiting for CONNACK.
        return _settings.UseTls
            ? (MqttConnectFailure.Tls, $"the connection ended before CONNACK ({Innermost(e).Message}){TlsHint()}")
            : (MqttConnectFailure.ConnectionLost, $"the connection ended before CONNACK ({Innermost(e).Message})");
    }

    /// <summary>Why the TCP connection could not be made; null for errors on a connection that was made.</summary>
    private string? Unreachable(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing listens on that port, or a firewall rejects it)",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"host name not found ('{_settings.Host}')",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => "network or host unreachable",
        SocketError.TimedOut => "no answer (the TCP connect timed out)",
        _ => null,
    };

    private string TlsHint() => _settings.CertificateFile is null
        ? " (during TLS set-up: the broker may require a client certificate)"
        : " (during TLS set-up: the broker may not trust this client certificate, or the key does not match it)";

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
