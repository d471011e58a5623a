using Microsoft.Win32.SafeHandles;

namespace EdgeIngest.Interop.Jpeg;

/// <summary>A TurboJPEG compressor or decompressor instance (<c>tjhandle</c>), destroyed once.</summary>
internal sealed class TurboJpegHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TurboJpegHandle()
        : base(ownsHandle: true)
    {
    }

    public static TurboJpegHandle Create(bool compress)
    {
        var handle = new TurboJpegHandle();
        handle.SetHandle(compress ? TurboJpegNative.InitCompress() : TurboJpegNative.InitDecompress());
        if (handle.IsInvalid)
        {
            throw new JpegException("libturbojpeg could not create a " + (compress ? "compressor" : "decompressor"));
        }

        return handle;
    }

    protected override bool ReleaseHandle() => TurboJpegNative.Destroy(handle) == 0;
}
