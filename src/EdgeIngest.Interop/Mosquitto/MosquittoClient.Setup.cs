using System.Runtime.InteropServices;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>Options applied to the native handle before the first connect: protocol, threading, credentials, will, TLS.</summary>
public sealed partial class MosquittoClient
{
    private unsafe void Configure()
    {
        Check(MosquittoNative.IntOption(_handle, MosquittoOption.ProtocolVersion, (int)_settings.ProtocolVersion), $"select MQTT protocol {_settings.ProtocolVersion}");

        // Our own thread runs the loop: publishes from other threads must only queue and wake it.
        Check(MosquittoNative.ThreadedSet(_handle, true), "enable thread-safe mode");

        // Best effort: small event messages should not wait for Nagle.
        _ = MosquittoNative.IntOption(_handle, MosquittoOption.TcpNoDelay, 1);

        if (_settings.Username is not null)
        {
            Check(MosquittoNative.UsernamePasswordSet(_handle, _settings.Username, _settings.Password), "set the username and password");
        }

        if (_settings.UseTls)
        {
            ConfigureTls();
        }

        if (_settings.LastWill is { } will)
        {
            fixed (byte* payload = will.Payload.Span)
            {
                Check(MosquittoNative.WillSet(_handle, will.Topic, will.Payload.Length, payload, will.Qos, will.Retain), $"set the last will on '{will.Topic}'");
            }
        }

        MosquittoNative.ConnectCallbackSet(_handle, &MosquittoCallbacks.OnConnect);
        MosquittoNative.DisconnectCallbackSet(_handle, &MosquittoCallbacks.OnDisconnect);
        MosquittoNative.PublishCallbackSet(_handle, &MosquittoCallbacks.OnPublish);
        MosquittoNative.SubscribeCallbackSet(_handle, &MosquittoCallbacks.OnSubscribe);
        MosquittoNative.MessageCallbackSet(_handle, &MosquittoCallbacks.OnMessage);
        MosquittoNative.LogCallbackSet(_handle, &MosquittoCallbacks.OnLog);
    }

    private void ConfigureTls()
    {
        // Without a CA file, trust the system's CAs (libmosquitto needs a file or a directory).
        var caPath = _settings.CaFile is null ? "/etc/ssl/certs" : null;
        var rc = MosquittoNative.TlsSet(_handle, _settings.CaFile, caPath, _settings.CertificateFile, _settings.KeyFile, IntPtr.Zero);
        if (rc == MosquittoError.Invalid)
        {
            throw new MqttConnectException(
                $"TLS settings for MQTT broker {Broker} were rejected: one of the files cannot be read " +
                $"(CA '{_settings.CaFile ?? caPath}', certificate '{_settings.CertificateFile}', key '{_settings.KeyFile}').");
        }

        Check(rc, "configure TLS");
    }
}
