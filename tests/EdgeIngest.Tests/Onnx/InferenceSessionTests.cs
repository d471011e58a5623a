using System.Reflection;
using EdgeIngest.Installation;
using EdgeIngest.Interop.Onnx;

namespace EdgeIngest.Tests.Onnx;

/// <summary>
/// The session the stages use, over ONNX Runtime's package with the real models: metadata, runs
/// into bound outputs (re-bound when a shape changes), no allocation once bound, and errors that
/// name the model file.
/// </summary>
public sealed class InferenceSessionTests
{
    private static readonly string DetectorPath = Path.Combine(InstallLayout.ModelsDirectory, "ch_PP-OCRv4_det_infer.onnx");
    private static readonly string RecognizerPath = Path.Combine(InstallLayout.ModelsDirectory, "ch_PP-OCRv4_rec_infer.onnx");
    private static readonly string PlateDetectorPath = Path.Combine(InstallLayout.ModelsDirectory, "plate-detector.onnx");

    [Fact]
    public void Recognizer_Metadata_Reports_Names_Types_And_Dynamic_Dimensions()
    {
        using var session = InferenceSessions.Open(RecognizerPath);

        var input = Assert.Single(session.Inputs);
        var output = Assert.Single(session.Outputs);
        Assert.Equal("x", input.Name);
        Assert.Equal(TensorElementType.Float, input.ElementType);
        Assert.Equal([-1L, 3, 48, -1], input.Shape);
        Assert.Equal(TensorElementType.Float, output.ElementType);
        Assert.Equal(3, output.Rank);
        Assert.Equal(6625, output.Shape[2]);
    }

    [Fact]
    public void Plate_Detector_Metadata_Lists_Its_Outputs_In_Model_Order()
    {
        using var session = InferenceSessions.Open(PlateDetectorPath);

        var input = Assert.Single(session.Inputs);
        Assert.Equal([1L, 3, 384, 640], input.Shape);
        Assert.Equal(["heatmap", "box"], session.Outputs.Select(o => o.Name));
        Assert.Equal([1L, 1, 96, 160], session.Outputs[0].Shape);
        Assert.Equal([1L, 4, 96, 160], session.Outputs[1].Shape);
    }

    [Fact]
    public void Detector_Output_Follows_Its_Input_Size()
    {
        using var session = InferenceSessions.Open(DetectorPath);
        var input = new PinnedTensor(1, 3, 64, 96);

        var shape = session.ProbeOutputShape([input], 0);

        Assert.Equal([1L, 1, 64, 96], shape);
    }

    [Fact]
    public void Run_Writes_Probabilities_Into_The_Bound_Output_Each_Time_And_After_A_Reshape()
    {
        using var session = InferenceSessions.Open(DetectorPath);
        var input = new PinnedTensor(3 * 96 * 96);
        var output = new PinnedTensor(96 * 96);
        FillWithStripes(input.Span);

        foreach (var (height, width) in new[] { (64, 64), (64, 64), (96, 64), (64, 96) })
        {
            input.Reshape(1, 3, height, width);
            output.Reshape(1, 1, height, width);
            output.Span.Fill(float.NaN);

            session.Run([input], [output]);

            for (var i = 0; i < output.ElementCount; i++)
            {
                Assert.True(output.Span[i] is >= 0f and <= 1f, $"{height}x{width} run: probability {i} is {output.Span[i]}, not in [0,1] (not written?)");
            }
        }
    }

    [Fact]
    public void A_Run_Over_The_Same_Tensors_Allocates_Nothing()
    {
        using var session = InferenceSessions.Open(PlateDetectorPath);
        var input = new PinnedTensor(1, 3, 384, 640);
        var heatmap = new PinnedTensor(1, 1, 96, 160);
        var boxes = new PinnedTensor(1, 4, 96, 160);
        session.Run([input], [heatmap, boxes]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            session.Run([input], [heatmap, boxes]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"5 runs over bound tensors allocated {allocated} B; expected 0");
    }

    [Fact]
    public void Output_Of_The_Wrong_Shape_Fails_Naming_The_Model_With_Orts_Reason()
    {
        using var session = InferenceSessions.Open(DetectorPath);
        var input = new PinnedTensor(1, 3, 64, 64);
        var output = new PinnedTensor(1, 1, 32, 32);

        var error = Assert.Throws<OrtException>(() => session.Run([input], [output]));

        Assert.Contains(DetectorPath, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.Contains(error.InnerException.Message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_Number_Of_Tensors_Fails_Before_Orts_Run()
    {
        using var session = InferenceSessions.Open(PlateDetectorPath);
        var input = new PinnedTensor(1, 3, 384, 640);
        var heatmap = new PinnedTensor(1, 1, 96, 160);

        var error = Assert.Throws<ArgumentException>(() => session.Run([input], [heatmap]));

        Assert.Contains("has 2 outputs; 1 given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Model_File_Fails_Naming_The_File()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => InferenceSessions.Open(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_Model_Fails_Naming_The_File_With_Orts_Reason()
    {
        var garbage = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(garbage, "this is not an onnx model");
        try
        {
            var error = Assert.Throws<OrtException>(() => InferenceSessions.Open(garbage));

            Assert.Contains(garbage, error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.InnerException);
        }
        finally
        {
            File.Delete(garbage);
        }
    }

    /// <summary>
    /// The native library is the package's, copied beside the tests by the linux-x64 build, and of
    /// the version the managed package binds (a stray libonnxruntime elsewhere would be an
    /// older or newer C API under the package's feet).
    /// </summary>
    [Fact]
    public void Runtime_Is_The_Packages_Own_Native_Library()
    {
        using var session = InferenceSessions.Open(PlateDetectorPath);
        var packageVersion = typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "(none)";

        var loaded = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty)
            .FirstOrDefault(path => Path.GetFileName(path).StartsWith("libonnxruntime.so", StringComparison.Ordinal));

        Assert.True(packageVersion.StartsWith(InferenceSessions.RuntimeVersion, StringComparison.Ordinal),
            $"native ONNX Runtime {InferenceSessions.RuntimeVersion} under managed package {packageVersion}");
        Assert.NotNull(loaded);
        Assert.True(loaded.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal),
            $"libonnxruntime loaded from {loaded}, not from the build output {AppContext.BaseDirectory}");
    }

    private static void FillWithStripes(Span<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i / 7 % 2 == 0) ? -1f : 1f;
        }
    }
}
