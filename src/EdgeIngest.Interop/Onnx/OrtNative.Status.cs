using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Onnx;

internal static unsafe partial class OrtNative
{
    /// <summary>
    /// The one place an <c>OrtStatus*</c> becomes an exception: a null status is success;
    /// anything else is read (code and message), released, and thrown as <see cref="OrtException"/>.
    /// </summary>
    public static void Check(nint status)
    {
        if (status != 0)
        {
            throw TakeException(status);
        }
    }

    /// <summary>Reads a failed status into an exception and releases the status.</summary>
    public static OrtException TakeException(nint status)
    {
        try
        {
            var code = ((delegate* unmanaged<nint, int>)Slot(OrtApiSlot.GetErrorCode))(status);
            var message = ((delegate* unmanaged<nint, byte*>)Slot(OrtApiSlot.GetErrorMessage))(status);
            return new OrtException((OrtErrorCode)code, Marshal.PtrToStringUTF8((nint)message) ?? string.Empty);
        }
        finally
        {
            ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseStatus))(status);
        }
    }

    /// <summary>Creates a status the way a failing ORT call would; for testing the conversion.</summary>
    public static nint CreateStatus(OrtErrorCode code, string message)
    {
        var utf8 = Marshal.StringToCoTaskMemUTF8(message);
        try
        {
            return ((delegate* unmanaged<int, nint, nint>)Slot(OrtApiSlot.CreateStatus))((int)code, utf8);
        }
        finally
        {
            Marshal.FreeCoTaskMem(utf8);
        }
    }

    /// <summary>Calls one of the <c>Release*</c> functions, which all take one pointer and return nothing.</summary>
    public static void Release(OrtApiSlot slot, nint handle) =>
        ((delegate* unmanaged<nint, void>)Slot(slot))(handle);
}
