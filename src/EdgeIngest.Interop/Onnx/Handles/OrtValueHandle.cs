namespace EdgeIngest.Interop.Onnx.Handles;

/// <summary>A tensor value; ours wrap pinned managed buffers, ORT's own memory otherwise.</summary>
internal sealed class OrtValueHandle(nint handle) : OrtHandle(handle, OrtApiSlot.ReleaseValue);
