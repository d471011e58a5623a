namespace EdgeIngest.Interop.Mosquitto;

/// <summary>The values of libmosquitto's <c>enum mosq_err_t</c> that the client treats specially.</summary>
internal static class MosquittoError
{
    public const int Success = 0;
    public const int Protocol = 2;
    public const int Invalid = 3;
    public const int NoConnection = 4;
    public const int ConnectionRefused = 5;
    public const int ConnectionLost = 7;
    public const int Tls = 8;
    public const int PayloadSize = 9;
    public const int Errno = 14;
    public const int HostLookup = 15;
    public const int KeepAlive = 19;
    public const int TlsHandshake = 23;
}
