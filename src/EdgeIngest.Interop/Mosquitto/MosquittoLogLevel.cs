namespace EdgeIngest.Interop.Mosquitto;

/// <summary>The MOSQ_LOG_* bits that the client keeps for error messages.</summary>
internal static class MosquittoLogLevel
{
    public const int Warning = 1 << 2;
    public const int Error = 1 << 3;
}
