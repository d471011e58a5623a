using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Jpeg;

/// <summary>
/// libturbojpeg's TurboJPEG 2 API, loaded by its exact soname (Debian's <c>libturbojpeg0</c>).
/// <c>unsigned long</c> is 64-bit on Linux x64, hence <c>nuint</c> for sizes.
/// </summary>
internal static unsafe partial class TurboJpegNative
{
    public const int PixelFormatBgr = 1;
    public const int Subsampling420 = 2;

    /// <summary>TJFLAG_NOREALLOC: compress into the caller's buffer, never (re)allocate it.</summary>
    public const int FlagNoRealloc = 1024;

    private const string Library = "libturbojpeg.so.0";

    [LibraryImport(Library, EntryPoint = "tjInitCompress")]
    public static partial nint InitCompress();

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    public static partial nint InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(Library, EntryPoint = "tjBufSize")]
    public static partial nuint BufSize(int width, int height, int subsampling);

    [LibraryImport(Library, EntryPoint = "tjCompress2")]
    public static partial int Compress2(
        TurboJpegHandle handle, byte* source, int width, int pitch, int height, int pixelFormat,
        byte** jpeg, nuint* jpegSize, int subsampling, int quality, int flags);

    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    public static partial int DecompressHeader3(
        TurboJpegHandle handle, byte* jpeg, nuint jpegSize, int* width, int* height, int* subsampling, int* colorspace);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    public static partial int Decompress2(
        TurboJpegHandle handle, byte* jpeg, nuint jpegSize, byte* destination, int width, int pitch, int height,
        int pixelFormat, int flags);

    /// <summary>TJERR_WARNING (0): the image was processed despite a problem; TJERR_FATAL (1): it was not.</summary>
    public const int ErrorWarning = 0;

    [LibraryImport(Library, EntryPoint = "tjGetErrorCode")]
    public static partial int GetErrorCode(TurboJpegHandle handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    public static partial nint GetErrorStr2(TurboJpegHandle handle);
}
