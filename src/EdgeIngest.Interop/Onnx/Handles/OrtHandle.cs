using Microsoft.Win32.SafeHandles;

namespace EdgeIngest.Interop.Onnx.Handles;

/// <summary>
/// A long-lived ONNX Runtime object, released exactly once through its <c>Release*</c> slot when
/// disposed or finalised.
/// </summary>
internal abstract class OrtHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly OrtApiSlot releaseSlot;

    protected OrtHandle(nint handle, OrtApiSlot releaseSlot)
        : base(ownsHandle: true)
    {
        this.releaseSlot = releaseSlot;
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        OrtNative.Release(releaseSlot, handle);
        return true;
    }
}
