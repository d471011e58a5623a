using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>
/// The C callbacks libmosquitto calls on the client's network thread. The userdata pointer is a
/// GCHandle to the <see cref="MosquittoClient"/>, freed only after that thread has stopped. Nothing
/// may throw out of here: an exception unwinding into native code ends the process.
/// </summary>
internal static unsafe class MosquittoCallbacks
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void OnConnect(IntPtr mosq, IntPtr userData, int reasonCode, int flags, IntPtr properties)
    {
        try
        {
            MosquittoClient.FromUserData(userData).OnConnectAcknowledged(reasonCode, flags);
        }
        catch (Exception e)
        {
            MosquittoClient.FromUserData(userData).OnCallbackFailed(e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void OnDisconnect(IntPtr mosq, IntPtr userData, int errorCode, IntPtr properties)
    {
        // Read errno first: it is the only record of why a socket failed (MOSQ_ERR_ERRNO).
        var errno = Marshal.GetLastSystemError();
        try
        {
            MosquittoClient.FromUserData(userData).OnDisconnected(errorCode, errno);
        }
        catch (Exception e)
        {
            MosquittoClient.FromUserData(userData).OnCallbackFailed(e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void OnPublish(IntPtr mosq, IntPtr userData, int messageId, int reasonCode, IntPtr properties)
    {
        try
        {
            MosquittoClient.FromUserData(userData).OnPublishAcknowledged(messageId, reasonCode);
        }
        catch (Exception e)
        {
            MosquittoClient.FromUserData(userData).OnCallbackFailed(e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void OnSubscribe(IntPtr mosq, IntPtr userData, int messageId, int grantedCount, int* grantedQos, IntPtr properties)
    {
        try
        {
            var firstGranted = grantedCount > 0 ? grantedQos[0] : 0x80;
            MosquittoClient.FromUserData(userData).OnSubscribeAcknowledged(messageId, firstGranted);
        }
        catch (Exception e)
        {
            MosquittoClient.FromUserData(userData).OnCallbackFailed(e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void OnMessage(IntPtr mosq, IntPtr userData, MosquittoMessage* message, IntPtr properties)
    {
        try
        {
            var topic = Marshal.PtrToStringUTF8(message->Topic) ?? string.Empty;
            var payload = new ReadOnlySpan<byte>((void*)message->Payload, message->PayloadLength).ToArray();
            MosquittoClient.FromUserData(userData).OnMessage(topic, payload, message->Qos, message->Retain != 0);
        }
        catch (Exception e)
        {
            MosquittoClient.FromUserData(userData).OnCallbackFailed(e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void OnLog(IntPtr mosq, IntPtr userData, int level, byte* text)
    {
        if ((level & (MosquittoLogLevel.Error | MosquittoLogLevel.Warning)) == 0)
        {
            return;
        }

        try
        {
            MosquittoClient.FromUserData(userData).OnLibraryError(Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty);
        }
        catch (Exception e)
        {
            MosquittoClient.FromUserData(userData).OnCallbackFailed(e);
        }
    }
}
