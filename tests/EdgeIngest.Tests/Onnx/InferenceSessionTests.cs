using EdgeIngest.Configuration;
using EdgeIngest.Interop.Onnx;

namespace EdgeIngest.Tests.Onnx;

public sealed class InferenceSessionTests
{
    private static readonly string DetectorPath = Path.Combine(InstallLayout.ModelsDirectory, "ch_PP-OCRv4_det_infer.onnx");
    private static readonly string RecognizerPath = Path.Combine(InstallLayout.ModelsDirectory, "ch_PP-OCRv4_rec_infer.onnx");

    private readonly OrtEnvironment environment = OrtEnvironment.Load(InstallLayout.OnnxRuntimeLibrary);

    [Fact]
    public void Recognizer_Metadata_Reports_Names_Types_And_Shapes()
    {
        using var session = environment.CreateSession(RecognizerPath);

        var input = Assert.Single(session.Inputs);
        var output = Assert.Single(session.Outputs);
        Assert.Equal(TensorElementType.Float, input.ElementType);
        Assert.Equal(4, input.Rank);
        Assert.Equal(3, input.Shape[1]);
        Assert.Equal(48, input.Shape[2]);
        Assert.Equal(3, output.Rank);
        Assert.Equal(6625, output.Shape[2]);
    }

    [Fact]
    public void Detector_Output_Follows_Its_Input_Size()
    {
        using var session = environment.CreateSession(DetectorPath);
        var input = new PinnedTensor(1, 3, 64, 96);

        var shape = session.ProbeOutputShape([input], 0);

        Assert.Equal([1L, 1, 64, 96], shape);
    }

    [Fact]
    public void Run_Writes_Probabilities_Into_The_Bound_Output_Each_Time()
    {
        using var session = environment.CreateSession(DetectorPath);
        var input = new PinnedTensor(1, 3, 64, 64);
        var output = new PinnedTensor(1, 1, 64, 64);

        for (var run = 0; run < 2; run++)
        {
            output.Span.Fill(float.NaN);
            session.Run([input], [output]);
            foreach (var p in output.Span)
            {
                Assert.InRange(p, 0f, 1f);
            }
        }
    }

    [Fact]
    public void Output_Of_The_Wrong_Shape_Fails_With_Orts_Message()
    {
        using var session = environment.CreateSession(DetectorPath);
        var input = new PinnedTensor(1, 3, 64, 64);
        var output = new PinnedTensor(1, 1, 32, 32);

        var error = Assert.Throws<OrtException>(() => session.Run([input], [output]));

        Assert.NotEqual(OrtErrorCode.Ok, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.OrtMessage));
    }

    [Fact]
    public void Missing_Model_File_Fails_Naming_The_File()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => environment.CreateSession(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_Model_Fails_With_An_Ort_Error()
    {
        var garbage = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(garbage, "this is not an onnx model");
        try
        {
            var error = Assert.Throws<OrtException>(() => environment.CreateSession(garbage));
            Assert.NotEqual(OrtErrorCode.Ok, error.ErrorCode);
        }
        finally
        {
            File.Delete(garbage);
        }
    }
}
