namespace EdgeIngest.Interop.Onnx.Handles;

/// <summary>Describes where tensor memory lives (here: CPU memory we own).</summary>
internal sealed class OrtMemoryInfoHandle(nint handle) : OrtHandle(handle, OrtApiSlot.ReleaseMemoryInfo);
