namespace EdgeIngest.Interop.Onnx.Handles;

/// <summary>A loaded model ready to run.</summary>
internal sealed class OrtSessionHandle(nint handle) : OrtHandle(handle, OrtApiSlot.ReleaseSession);
