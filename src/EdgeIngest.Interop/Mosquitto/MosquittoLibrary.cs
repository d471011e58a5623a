namespace EdgeIngest.Interop.Mosquitto;

/// <summary>
/// <c>mosquitto_lib_init</c> once per process, before the first client; <c>mosquitto_lib_cleanup</c>
/// at process exit, and only when no client is still alive (cleanup under a live client would pull
/// OpenSSL out from under its loop).
/// </summary>
internal static class MosquittoLibrary
{
    private static readonly Lock Gate = new();
    private static int liveClients;
    private static bool initialised;

    public static void AddClient()
    {
        lock (Gate)
        {
            if (!initialised)
            {
                Initialise();
            }

            liveClients++;
        }
    }

    public static void RemoveClient()
    {
        lock (Gate)
        {
            liveClients--;
        }
    }

    private static void Initialise()
    {
        int rc;
        try
        {
            rc = MosquittoNative.LibInit();
        }
        catch (DllNotFoundException e)
        {
            throw new Mqtt.MqttException("libmosquitto.so.1 could not be loaded; install it with 'apt-get install libmosquitto1'.", e);
        }

        if (rc != MosquittoError.Success)
        {
            throw new Mqtt.MqttException($"mosquitto_lib_init failed: {MosquittoErrors.Describe(rc)}.");
        }

        initialised = true;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanupIfUnused();
    }

    private static void CleanupIfUnused()
    {
        lock (Gate)
        {
            if (initialised && liveClients == 0)
            {
                MosquittoNative.LibCleanup();
                initialised = false;
            }
        }
    }
}
