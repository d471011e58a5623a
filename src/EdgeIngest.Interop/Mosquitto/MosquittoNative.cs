using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>
/// The libmosquitto C API, exactly as much of it as <see cref="MosquittoClient"/> needs. Loaded by
/// its soname so no -dev package (and no unversioned symlink) is needed on the appliance.
/// </summary>
internal static unsafe partial class MosquittoNative
{
    private const string Library = "libmosquitto.so.1";

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_init")]
    public static partial int LibInit();

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_cleanup")]
    public static partial int LibCleanup();

    [LibraryImport(Library, EntryPoint = "mosquitto_new", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial MosquittoHandle New(string? id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, IntPtr userData);

    [LibraryImport(Library, EntryPoint = "mosquitto_destroy")]
    public static partial void Destroy(IntPtr mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_int_option")]
    public static partial int IntOption(MosquittoHandle mosq, int option, int value);

    [LibraryImport(Library, EntryPoint = "mosquitto_threaded_set")]
    public static partial int ThreadedSet(MosquittoHandle mosq, [MarshalAs(UnmanagedType.U1)] bool threaded);

    [LibraryImport(Library, EntryPoint = "mosquitto_username_pw_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UsernamePasswordSet(MosquittoHandle mosq, string username, string? password);

    [LibraryImport(Library, EntryPoint = "mosquitto_tls_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TlsSet(MosquittoHandle mosq, string? caFile, string? caPath, string? certFile, string? keyFile, IntPtr passwordCallback);

    [LibraryImport(Library, EntryPoint = "mosquitto_will_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int WillSet(MosquittoHandle mosq, string topic, int payloadLength, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_async", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int ConnectAsync(MosquittoHandle mosq, string host, int port, int keepAliveSeconds);

    [LibraryImport(Library, EntryPoint = "mosquitto_reconnect_async", SetLastError = true)]
    public static partial int ReconnectAsync(MosquittoHandle mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect")]
    public static partial int Disconnect(MosquittoHandle mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop", SetLastError = true)]
    public static partial int Loop(MosquittoHandle mosq, int timeoutMilliseconds, int maxPackets);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Publish(MosquittoHandle mosq, int* messageId, string topic, int payloadLength, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain, IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Subscribe(MosquittoHandle mosq, int* messageId, string topicFilter, int qos, int options, IntPtr properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_v5_callback_set")]
    public static partial void ConnectCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, int, IntPtr, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_v5_callback_set")]
    public static partial void DisconnectCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, IntPtr, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5_callback_set")]
    public static partial void PublishCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, int, IntPtr, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5_callback_set")]
    public static partial void SubscribeCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, int, int*, IntPtr, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_message_v5_callback_set")]
    public static partial void MessageCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, MosquittoMessage*, IntPtr, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_log_callback_set")]
    public static partial void LogCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, byte*, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_strerror")]
    public static partial IntPtr StrError(int errorCode);

    [LibraryImport(Library, EntryPoint = "mosquitto_reason_string")]
    public static partial IntPtr ReasonString(int reasonCode);
}
