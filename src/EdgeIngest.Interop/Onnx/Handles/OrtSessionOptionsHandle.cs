namespace EdgeIngest.Interop.Onnx.Handles;

/// <summary>Options a session is created with.</summary>
internal sealed class OrtSessionOptionsHandle(nint handle) : OrtHandle(handle, OrtApiSlot.ReleaseSessionOptions);
