using EdgeIngest.Interop.Onnx;

namespace EdgeIngest.Reads;

/// <summary>
/// Start-up checks that a model has the inputs and outputs its stage expects, so a swapped or
/// wrong file fails at once with the file and the mismatch named, not later with a shape error
/// from inside a run.
/// </summary>
internal static class ModelContract
{
    /// <summary>Detector: x [N,3,H,W] with H and W free; one probability map [N,1,H,W].</summary>
    public static void RequireDetector(IInferenceSession session)
    {
        var input = RequireSingleFloat(session, session.Inputs, "input", "an image [1,3,H,W]");
        var output = RequireSingleFloat(session, session.Outputs, "output", "a probability map [1,1,H,W]");
        RequireImageInput(session, input);
        if (input.Shape[2] > 0 || input.Shape[3] > 0)
        {
            Fail(session, $"input {input} has a fixed height or width; a detector takes any size (dynamic H and W)");
        }

        if (output.Rank != 4 || output.Shape[1] is not (1 or -1))
        {
            Fail(session, $"output {output} is not a probability map [1,1,H,W]");
        }
    }

    /// <summary>Recogniser: x [N,3,48,W]; one output [N,T,classes] matching the keys file.</summary>
    public static void RequireRecognizer(IInferenceSession session, int height, int classes, string keysPath)
    {
        var input = RequireSingleFloat(session, session.Inputs, "input", $"a text line [1,3,{height},W]");
        var output = RequireSingleFloat(session, session.Outputs, "output", "class probabilities [1,T,classes]");
        RequireImageInput(session, input);
        if (input.Shape[2] != height)
        {
            Fail(session, $"input {input} must have height {height}");
        }

        if (output.Rank != 3)
        {
            Fail(session, $"output {output} is not class probabilities [1,T,classes] (rank 3)");
        }

        if (output.Shape[2] != classes)
        {
            Fail(session, $"output {output} has {output.Shape[2]} classes but {keysPath} gives {classes} (blank + keys + space)");
        }
    }

    /// <summary>
    /// Plate detector (training/plate-detector/export.py): image [1,3,H,W] fixed; outputs heatmap
    /// [1,1,H/stride,W/stride] and box [1,4,H/stride,W/stride], in that order.
    /// </summary>
    public static void RequirePlateDetector(IInferenceSession session, int width, int height, int stride)
    {
        var input = RequireSingleFloat(session, session.Inputs, "input", $"an image [1,3,{height},{width}]");
        RequireImageInput(session, input);
        if (input.Shape[2] != height || input.Shape[3] != width)
        {
            Fail(session, $"input {input} is not [1,3,{height},{width}]");
        }

        if (session.Outputs.Count != 2)
        {
            Fail(session, $"has {session.Outputs.Count} outputs; expected heatmap and box");
        }

        long[] heatmap = [1, 1, height / stride, width / stride];
        long[] box = [1, 4, height / stride, width / stride];
        RequireOutput(session, session.Outputs[0], "heatmap", heatmap);
        RequireOutput(session, session.Outputs[1], "box", box);
    }

    private static void RequireOutput(IInferenceSession session, TensorMetadata output, string name, long[] shape)
    {
        if (output.Name != name || output.ElementType != TensorElementType.Float || !output.Shape.SequenceEqual(shape))
        {
            Fail(session, $"output {output} is not {name}: Float[{string.Join(",", shape)}]");
        }
    }

    private static TensorMetadata RequireSingleFloat(
        IInferenceSession session, IReadOnlyList<TensorMetadata> tensors, string what, string expected)
    {
        if (tensors.Count != 1)
        {
            Fail(session, $"has {tensors.Count} {what}s; expected one, {expected}");
        }

        if (tensors[0].ElementType != TensorElementType.Float)
        {
            Fail(session, $"{what} {tensors[0]} is not float; expected {expected}");
        }

        return tensors[0];
    }

    private static void RequireImageInput(IInferenceSession session, TensorMetadata input)
    {
        if (input.Rank != 4 || input.Shape[1] is not (3 or -1))
        {
            Fail(session, $"input {input} is not an image tensor [N,3,H,W]");
        }
    }

    private static void Fail(IInferenceSession session, string mismatch) =>
        throw new ModelContractException($"model {session.ModelPath}: {mismatch}");
}
