using EdgeIngest.Interop.Onnx.Handles;

namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// ONNX Runtime loaded from an explicit library path, with the process's one environment.
/// <see cref="Load"/> returns the same instance every time: ORT holds global state, so a process
/// loads one library and keeps its environment until it exits.
/// </summary>
public sealed class OrtEnvironment
{
    private static readonly Lock Gate = new();
    private static OrtEnvironment? shared;

    private readonly OrtEnvHandle environment;

    private OrtEnvironment(string libraryPath)
    {
        OrtNative.EnsureLoaded(libraryPath);
        LibraryPath = libraryPath;
        environment = new OrtEnvHandle(OrtNative.CreateEnv("edgeingest"));
    }

    public string LibraryPath { get; }

    /// <summary>The library's own version string, e.g. "1.30.0".</summary>
    public static string Version => OrtNative.Version;

    public static OrtEnvironment Load(string libraryPath)
    {
        lock (Gate)
        {
            if (shared is not null)
            {
                if (!string.Equals(Path.GetFullPath(libraryPath), Path.GetFullPath(shared.LibraryPath), StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"ONNX Runtime is already loaded from {shared.LibraryPath}; cannot also load {libraryPath}");
                }

                return shared;
            }

            shared = new OrtEnvironment(libraryPath);
            return shared;
        }
    }

    /// <summary>Loads a model. A missing file fails here, naming it, before ORT is asked.</summary>
    public IInferenceSession CreateSession(string modelPath, InferenceSessionOptions? options = null)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"model file not found: {modelPath}", modelPath);
        }

        return new OrtInferenceSession(environment, modelPath, options ?? new InferenceSessionOptions());
    }
}
