using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Jpeg;

/// <summary>
/// <see cref="IJpegCodec"/> over libturbojpeg. Output buffers are the caller's: compression runs
/// with TJFLAG_NOREALLOC into a buffer sized by <c>tjBufSize</c>, so turbojpeg never allocates one
/// (and nothing needs <c>tjFree</c>). Compressor and decompressor are created on first use.
/// </summary>
public sealed unsafe class TurboJpegCodec : IJpegCodec
{
    private TurboJpegHandle? compressor;
    private TurboJpegHandle? decompressor;

    public int GetMaxEncodedLength(int width, int height)
    {
        ValidateSize(width, height);
        return checked((int)TurboJpegNative.BufSize(width, height, TurboJpegNative.Subsampling420));
    }

    public int Encode(ReadOnlySpan<byte> bgr, int width, int height, int stride, int quality, Span<byte> destination)
    {
        ValidateSize(width, height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var needed = ((long)(height - 1) * stride) + (width * 3);
        if (bgr.Length < needed)
        {
            throw new ArgumentException($"{width}x{height} BGR with stride {stride} needs {needed} bytes; {bgr.Length} given", nameof(bgr));
        }

        var maxLength = GetMaxEncodedLength(width, height);
        if (destination.Length < maxLength)
        {
            throw new ArgumentException($"destination needs {maxLength} bytes (GetMaxEncodedLength); {destination.Length} given", nameof(destination));
        }

        compressor ??= TurboJpegHandle.Create(compress: true);
        fixed (byte* source = bgr)
        fixed (byte* target = destination)
        {
            var jpeg = target;
            var size = (nuint)destination.Length;
            var result = TurboJpegNative.Compress2(
                compressor, source, width, stride, height, TurboJpegNative.PixelFormatBgr,
                &jpeg, &size, TurboJpegNative.Subsampling420, quality, TurboJpegNative.FlagNoRealloc);
            ThrowIfFailed(result, compressor, "encode");
            return checked((int)size);
        }
    }

    public JpegInfo ReadInfo(ReadOnlySpan<byte> jpeg)
    {
        decompressor ??= TurboJpegHandle.Create(compress: false);
        fixed (byte* source = jpeg)
        {
            int width, height, subsampling, colorspace;
            var result = TurboJpegNative.DecompressHeader3(
                decompressor, source, (nuint)jpeg.Length, &width, &height, &subsampling, &colorspace);
            ThrowIfFailed(result, decompressor, "read the header of");
            return new JpegInfo(width, height);
        }
    }

    public JpegInfo Decode(ReadOnlySpan<byte> jpeg, Span<byte> bgrDestination)
    {
        var info = ReadInfo(jpeg);
        if (bgrDestination.Length < info.BgrLength)
        {
            throw new ArgumentException(
                $"a {info.Width}x{info.Height} image needs {info.BgrLength} bytes; {bgrDestination.Length} given", nameof(bgrDestination));
        }

        fixed (byte* source = jpeg)
        fixed (byte* target = bgrDestination)
        {
            var result = TurboJpegNative.Decompress2(
                decompressor!, source, (nuint)jpeg.Length, target, info.Width, info.Width * 3, info.Height,
                TurboJpegNative.PixelFormatBgr, 0);

            // A warning (e.g. a truncated file from a camera) still leaves a usable image, as
            // every other JPEG reader treats it; only a fatal error loses it.
            if (result != 0 && TurboJpegNative.GetErrorCode(decompressor!) != TurboJpegNative.ErrorWarning)
            {
                ThrowIfFailed(result, decompressor!, "decode");
            }
        }

        return info;
    }

    public void Dispose()
    {
        compressor?.Dispose();
        decompressor?.Dispose();
    }

    private static void ValidateSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
    }

    private static void ThrowIfFailed(int result, TurboJpegHandle handle, string action)
    {
        if (result != 0)
        {
            var message = Marshal.PtrToStringUTF8(TurboJpegNative.GetErrorStr2(handle)) ?? "unknown error";
            throw new JpegException($"libturbojpeg could not {action} the image: {message}");
        }
    }
}
