using Microsoft.ML.OnnxRuntime;

namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// Opens models with ONNX Runtime from its official package (Microsoft.ML.OnnxRuntime), whose
/// native library comes with the build for the runtime identifier (linux-x64 here).
/// </summary>
public static class InferenceSessions
{
    /// <summary>The runtime's own version string, e.g. "1.32.0".</summary>
    public static string RuntimeVersion => OrtEnv.Instance().GetVersionString();

    /// <summary>
    /// Loads a model. A missing file fails here with <see cref="FileNotFoundException"/> naming
    /// it, before ORT is asked; a file ORT cannot load fails with <see cref="OrtException"/>
    /// naming it and carrying ORT's reason.
    /// </summary>
    public static IInferenceSession Open(string modelPath, InferenceSessionOptions? options = null)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"model file not found: {modelPath}", modelPath);
        }

        return new OnnxInferenceSession(modelPath, options ?? new InferenceSessionOptions());
    }
}
