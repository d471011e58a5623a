namespace EdgeIngest.Interop.Onnx.Handles;

/// <summary>An ORT environment (logging and global thread state); one per process.</summary>
internal sealed class OrtEnvHandle(nint handle) : OrtHandle(handle, OrtApiSlot.ReleaseEnv);
