using System.Buffers;
using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Hits;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Reads;
using OpenCvSharp;

namespace EdgeIngest.Benchmarks.Hits;

/// <summary>
/// A/B of the hit snapshot's JPEG encoder: <c>Use_TurboJpeg</c> is the project's
/// <see cref="SnapshotEncoder"/> over libturbojpeg (quality 85, 4:2:0, into a buffer kept between
/// calls; the crop encoded in place through the frame's stride); <c>Use_OpenCv</c> is
/// <c>Cv2.ImEncode(".jpg")</c> at quality 85 (OpenCV's default 4:2:0) over a Mat header on the
/// same frame (made once in setup) and an ROI for the crop. Each returns the encoded length; the
/// copy the hit event keeps is left out of both.
/// </summary>
[Config(typeof(StageConfig))]
public class SnapshotJpegAbBenchmarks
{
    private const int Quality = 85;

    private readonly int[] openCvParameters = [(int)ImwriteFlags.JpegQuality, Quality];
    private TurboJpegCodec codec = null!;
    private byte[] buffer = [];
    private BgrImage frame;
    private PlateBox plate;
    private int margin;
    private MemoryHandle framePin;
    private Mat frameMat = null!;
    private Rect crop;

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public unsafe void Setup()
    {
        frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        using (var recognizer = PaddleOcrPlateRecognizer.Create())
        {
            plate = recognizer.Recognize(frame)[0].Box;
        }

        codec = new TurboJpegCodec();
        buffer = new byte[codec.GetMaxEncodedLength(frame.Width, frame.Height)];
        margin = Math.Max(4, plate.Height / 2);
        framePin = frame.Pixels.Pin();
        frameMat = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, (IntPtr)framePin.Pointer, frame.Stride);
        var x = Math.Max(plate.X - margin, 0);
        var y = Math.Max(plate.Y - margin, 0);
        crop = new Rect(x, y, Math.Min(plate.Right + margin, frame.Width) - x, Math.Min(plate.Bottom + margin, frame.Height) - y);
    }

    [Benchmark(Description = "JPEG full frame: libturbojpeg into a kept buffer")]
    public int Frame_Use_TurboJpeg() => SnapshotEncoder.EncodeFrame(codec, frame, Quality, buffer);

    [Benchmark(Description = "JPEG full frame: Cv2.ImEncode")]
    public int Frame_Use_OpenCv()
    {
        Cv2.ImEncode(".jpg", frameMat, out var jpeg, openCvParameters);
        return jpeg.Length;
    }

    [Benchmark(Description = "JPEG plate crop: libturbojpeg in place")]
    public int Crop_Use_TurboJpeg() => SnapshotEncoder.EncodeCrop(codec, frame, plate, margin, Quality, buffer);

    [Benchmark(Description = "JPEG plate crop: Cv2.ImEncode of an ROI")]
    public int Crop_Use_OpenCv()
    {
        using var roi = new Mat(frameMat, crop);
        Cv2.ImEncode(".jpg", roi, out var jpeg, openCvParameters);
        return jpeg.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        frameMat.Dispose();
        framePin.Dispose();
        codec.Dispose();
    }
}
