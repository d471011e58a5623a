using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>Turns libmosquitto error numbers and MQTT 5 reason codes into words for exception messages.</summary>
internal static class MosquittoErrors
{
    private const int ConnectionRefusedErrno = 111; // ECONNREFUSED on Linux

    public static string Describe(int errorCode, int errno = 0) => errorCode switch
    {
        // MOSQ_ERR_ERRNO means "look at errno": its text says what actually happened
        // ("Connection refused", "No route to host").
        MosquittoError.Errno when errno == ConnectionRefusedErrno => "Connection refused (no broker listens on that port)",
        MosquittoError.Errno when errno != 0 => Marshal.GetPInvokeErrorMessage(errno),
        MosquittoError.Errno => "socket error",
        MosquittoError.HostLookup => "host name not found (DNS lookup failed)",
        MosquittoError.Tls or MosquittoError.TlsHandshake => "TLS handshake failed",
        MosquittoError.KeepAlive => "no traffic from the broker within the keep-alive interval",
        MosquittoError.ConnectionLost => "connection lost",
        _ => Marshal.PtrToStringUTF8(MosquittoNative.StrError(errorCode)) ?? $"libmosquitto error {errorCode}",
    };

    public static string DescribeReason(int reasonCode)
    {
        var text = Marshal.PtrToStringUTF8(MosquittoNative.ReasonString(reasonCode));
        return $"{text ?? "unknown reason"} (reason code 0x{reasonCode:X2})";
    }
}
