namespace EdgeIngest.Interop.Mosquitto;

/// <summary>The values of libmosquitto's <c>enum mosq_opt_t</c> that the client sets.</summary>
internal static class MosquittoOption
{
    public const int ProtocolVersion = 1;
    public const int TcpNoDelay = 11;
    public const int TlsUseOsCertificates = 13;
}
