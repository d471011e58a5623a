using System.Buffers;
using BenchmarkDotNet.Attributes;
using EdgeIngest.Benchmarks.Frames;
using EdgeIngest.Frames;
using EdgeIngest.Reads;
using OpenCvSharp;

namespace EdgeIngest.Benchmarks.Reads;

/// <summary>
/// A/B of the project's resampler against OpenCV's, on the two resizes of the default path, each
/// ending in what the model takes (planar float, normalised): the plate detector's letterbox
/// (whole frame → 640×360 in a 640×384 tensor, BGR / 255) and the recogniser's band (the demo
/// plate's box → 48 high, width by aspect, in a 48×320 tensor, (x / 255 − 0.5) / 0.5).
/// <c>Use_Own</c> is <see cref="PlanarResampler"/> (one pass, float bilinear, one thread);
/// <c>Use_OpenCv</c> is <c>Cv2.Resize</c> (bilinear, 8-bit fixed point, OpenCV's threads), then
/// <c>ConvertTo</c> float with the scale and bias, then one <c>ExtractChannel</c> per plane
/// straight into the tensor. OpenCV's Mat headers over the frame and the tensor planes are made
/// once in setup, its best case; a pipeline would need one per pooled frame buffer.
/// </summary>
[Config(typeof(StageConfig))]
public class ResizeAbBenchmarks
{
    private const int DetectorWidth = PlateDetector.InputWidth;
    private const int DetectorHeight = PlateDetector.InputHeight;
    private const int BandHeight = 48;
    private const int BandMaxWidth = 320;

    private static readonly ChannelNormalization UnitRange = new(1f / 255, 1f / 255, 1f / 255, 0, 0, 0);

    private BgrImage frame;
    private PlateBox band;
    private int bandWidth;
    private float[] detectorTensor = [];
    private float[] bandTensor = [];
    private MemoryHandle framePin;
    private MemoryHandle detectorPin;
    private MemoryHandle bandPin;
    private Mat frameMat = null!;
    private Mat resized = null!;
    private Mat resizedFloat = null!;
    private Mat bandResized = null!;
    private Mat bandFloat = null!;
    private Mat[] detectorPlanes = [];
    private Mat[] bandPlanes = [];

    [Params(720, 1080)]
    public int Height { get; set; }

    [GlobalSetup]
    public unsafe void Setup()
    {
        frame = DemoFrames.At(DemoFrames.PlateSeconds, Height);
        using (var recognizer = PaddleOcrPlateRecognizer.Create())
        {
            band = recognizer.Recognize(frame)[0].Box;
        }

        bandWidth = Math.Clamp((int)MathF.Ceiling(BandHeight * (float)band.Width / band.Height), 1, BandMaxWidth);
        detectorTensor = GC.AllocateArray<float>(3 * DetectorWidth * DetectorHeight, pinned: true);
        bandTensor = GC.AllocateArray<float>(3 * BandHeight * BandMaxWidth, pinned: true);
        framePin = frame.Pixels.Pin();
        detectorPin = detectorTensor.AsMemory().Pin();
        bandPin = bandTensor.AsMemory().Pin();

        frameMat = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, (IntPtr)framePin.Pointer, frame.Stride);
        resized = new Mat(360, DetectorWidth, MatType.CV_8UC3);
        resizedFloat = new Mat(360, DetectorWidth, MatType.CV_32FC3);
        bandResized = new Mat(BandHeight, bandWidth, MatType.CV_8UC3);
        bandFloat = new Mat(BandHeight, bandWidth, MatType.CV_32FC3);
        detectorPlanes = Planes((float*)detectorPin.Pointer, DetectorWidth * DetectorHeight, 360, DetectorWidth, DetectorWidth);
        bandPlanes = Planes((float*)bandPin.Pointer, BandHeight * BandMaxWidth, BandHeight, bandWidth, BandMaxWidth);
    }

    [Benchmark(Description = "letterbox to 640×360 float planes: own resampler")]
    public float Letterbox_Use_Own()
    {
        PlanarResampler.Resample(frame, new PlateBox(0, 0, frame.Width, frame.Height), DetectorWidth, 360, detectorTensor, DetectorWidth * DetectorHeight, DetectorWidth, UnitRange);
        return detectorTensor[0];
    }

    [Benchmark(Description = "letterbox to 640×360 float planes: Cv2.Resize + ConvertTo + ExtractChannel")]
    public float Letterbox_Use_OpenCv()
    {
        Cv2.Resize(frameMat, resized, new Size(DetectorWidth, 360), 0, 0, InterpolationFlags.Linear);
        resized.ConvertTo(resizedFloat, MatType.CV_32FC3, 1.0 / 255);
        for (var c = 0; c < 3; c++)
        {
            Cv2.ExtractChannel(resizedFloat, detectorPlanes[c], c);
        }

        return detectorTensor[0];
    }

    [Benchmark(Description = "plate band to 48-high float planes: own resampler")]
    public float Band_Use_Own()
    {
        PlanarResampler.Resample(frame, band, bandWidth, BandHeight, bandTensor, BandHeight * BandMaxWidth, BandMaxWidth, ChannelNormalization.Symmetric);
        return bandTensor[0];
    }

    [Benchmark(Description = "plate band to 48-high float planes: Cv2.Resize + ConvertTo + ExtractChannel")]
    public float Band_Use_OpenCv()
    {
        using var roi = new Mat(frameMat, new Rect(band.X, band.Y, band.Width, band.Height));
        Cv2.Resize(roi, bandResized, new Size(bandWidth, BandHeight), 0, 0, InterpolationFlags.Linear);
        bandResized.ConvertTo(bandFloat, MatType.CV_32FC3, 2.0 / 255, -1);
        for (var c = 0; c < 3; c++)
        {
            Cv2.ExtractChannel(bandFloat, bandPlanes[c], c);
        }

        return bandTensor[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var mat in (Mat[])[frameMat, resized, resizedFloat, bandResized, bandFloat, .. detectorPlanes, .. bandPlanes])
        {
            mat.Dispose();
        }

        framePin.Dispose();
        detectorPin.Dispose();
        bandPin.Dispose();
    }

    // Mat headers over the three channel planes of an NCHW tensor: OpenCV writes into them in place.
    private static unsafe Mat[] Planes(float* tensor, int planeSize, int rows, int columns, int rowStride) =>
    [
        .. Enumerable.Range(0, 3).Select(c => Mat.FromPixelData(rows, columns, MatType.CV_32FC1, (IntPtr)(tensor + (c * planeSize)), rowStride * sizeof(float))),
    ];
}
