using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Mosquitto;

/// <summary>
/// Owns one <c>struct mosquitto*</c>. Released only after the client's network loop has stopped,
/// because libmosquitto calls back into the client from that loop.
/// </summary>
internal sealed class MosquittoHandle : SafeHandle
{
    public MosquittoHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        MosquittoNative.Destroy(handle);
        return true;
    }
}
