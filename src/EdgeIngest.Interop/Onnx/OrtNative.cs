using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// The loaded ONNX Runtime library and its <c>OrtApi</c> table. The library exports a single
/// symbol, <c>OrtGetApiBase</c>; everything else is a function pointer read from the table by
/// slot (<see cref="OrtApiSlot"/>). One library per process: ORT keeps global state.
/// </summary>
internal static unsafe partial class OrtNative
{
    /// <summary>
    /// The API version requested. The table is append-only, so asking for an older version than
    /// the library's (1.30 here) gets the same table and keeps older libraries usable.
    /// </summary>
    public const uint ApiVersion = 23;

    private static readonly Lock LoadGate = new();
    private static nint* table;
    private static string? loadedPath;

    public static string Version { get; private set; } = string.Empty;

    public static bool IsLoaded => table != null;

    public static void EnsureLoaded(string libraryPath)
    {
        lock (LoadGate)
        {
            if (table != null)
            {
                return;
            }

            if (!File.Exists(libraryPath))
            {
                throw new FileNotFoundException(
                    $"ONNX Runtime library not found: {libraryPath} (deploy/setup.sh installs it)", libraryPath);
            }

            var library = NativeLibrary.Load(libraryPath);
            var getApiBase = (delegate* unmanaged<nint*>)NativeLibrary.GetExport(library, "OrtGetApiBase");

            // OrtApiBase is { GetApi, GetVersionString }.
            var apiBase = getApiBase();
            var getApi = (delegate* unmanaged<uint, nint*>)apiBase[0];
            var getVersionString = (delegate* unmanaged<byte*>)apiBase[1];
            Version = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? string.Empty;

            var api = getApi(ApiVersion);
            if (api == null)
            {
                throw new OrtException(
                    $"ONNX Runtime {Version} at {libraryPath} does not provide API version {ApiVersion}");
            }

            loadedPath = libraryPath;
            table = api;
        }
    }

    public static string LoadedPath => loadedPath ?? string.Empty;

    private static nint Slot(OrtApiSlot slot)
    {
        if (table == null)
        {
            throw new InvalidOperationException("ONNX Runtime is not loaded; call OrtEnvironment.Load first.");
        }

        return table[(int)slot];
    }
}
