using Microsoft.ML.OnnxRuntime;

namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// <see cref="IInferenceSession"/> over the package's <see cref="InferenceSession"/>. Inputs and
/// outputs are bound once through an <see cref="OrtIoBinding"/> as values over the caller's pinned
/// tensors, and re-bound only when a different tensor or a new shape arrives, so a steady-state
/// run is one <see cref="InferenceSession.RunWithBinding"/> call that allocates nothing. Outputs
/// are bound (not left to ORT to allocate) because every model here has an output shape the
/// caller can know: the detectors' follow their input, the recogniser's is fixed for its fixed
/// input width and is learnt once with <see cref="ProbeOutputShape"/>.
/// </summary>
internal sealed class OnnxInferenceSession : IInferenceSession
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly OrtIoBinding binding;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly TensorBinding[] inputBindings;
    private readonly TensorBinding[] outputBindings;
    private bool disposed;

    public OnnxInferenceSession(string modelPath, InferenceSessionOptions options)
    {
        ModelPath = modelPath;
        try
        {
            using var sessionOptions = CreateSessionOptions(options);
            session = new InferenceSession(modelPath, sessionOptions);
            binding = session.CreateIoBinding();
        }
        catch (OnnxRuntimeException e)
        {
            session?.Dispose();
            runOptions.Dispose();
            throw new OrtException($"ONNX Runtime cannot load the model {modelPath}: {e.Message}", e);
        }

        inputNames = [.. session.InputNames];
        outputNames = [.. session.OutputNames];
        Inputs = ReadMetadata(inputNames, session.InputMetadata);
        Outputs = ReadMetadata(outputNames, session.OutputMetadata);
        inputBindings = CreateBindings(inputNames.Length);
        outputBindings = CreateBindings(outputNames.Length);
    }

    public string ModelPath { get; }

    public IReadOnlyList<TensorMetadata> Inputs { get; }

    public IReadOnlyList<TensorMetadata> Outputs { get; }

    public void Run(ReadOnlySpan<PinnedTensor> inputs, ReadOnlySpan<PinnedTensor> outputs)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            BindAll(inputs, inputBindings, inputNames, input: true);
            BindAll(outputs, outputBindings, outputNames, input: false);
            session.RunWithBinding(runOptions, binding);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OrtException($"ONNX Runtime failed to run {ModelPath}: {e.Message}", e);
        }
    }

    public long[] ProbeOutputShape(ReadOnlySpan<PinnedTensor> inputs, int outputIndex)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)outputIndex, (uint)Outputs.Count, nameof(outputIndex));
        try
        {
            BindAll(inputs, inputBindings, inputNames, input: true);

            // A plain run with outputs ORT allocates: start-up only, so its allocations do not matter.
            var values = new OrtValue[inputBindings.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = inputBindings[i].Value;
            }

            using var results = session.Run(runOptions, inputNames, values, outputNames);
            return results[outputIndex].GetTensorTypeAndShape().Shape;
        }
        catch (OnnxRuntimeException e)
        {
            throw new OrtException($"ONNX Runtime failed to run {ModelPath}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // The binding holds ORT's references to the values; it goes first.
        binding.Dispose();
        foreach (var tensor in inputBindings)
        {
            tensor.Dispose();
        }

        foreach (var tensor in outputBindings)
        {
            tensor.Dispose();
        }

        runOptions.Dispose();
        session.Dispose();
    }

    private static SessionOptions CreateSessionOptions(InferenceSessionOptions options)
    {
        var created = new SessionOptions();
        try
        {
            created.IntraOpNumThreads = options.IntraOpThreads;

            // Our models are single chains: threads between operators would only compete.
            created.InterOpNumThreads = 1;
            created.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
            created.GraphOptimizationLevel = options.OptimizeGraph
                ? GraphOptimizationLevel.ORT_ENABLE_ALL
                : GraphOptimizationLevel.ORT_DISABLE_ALL;
            var spinning = options.AllowSpinning ? "1" : "0";
            created.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning);
            created.AddSessionConfigEntry("session.inter_op.allow_spinning", spinning);
            return created;
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    private static TensorMetadata[] ReadMetadata(string[] names, IReadOnlyDictionary<string, NodeMetadata> metadata)
    {
        var read = new TensorMetadata[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var node = metadata[names[i]];

            // A symbolic or unknown dimension reads as -1, as ModelContract expects for a dynamic one.
            read[i] = node.IsTensor
                ? new TensorMetadata(names[i], (TensorElementType)(int)node.ElementDataType, [.. node.Dimensions.Select(d => d < 0 ? -1L : d)])
                : new TensorMetadata(names[i], TensorElementType.Undefined, []);
        }

        return read;
    }

    private static TensorBinding[] CreateBindings(int count)
    {
        var bindings = new TensorBinding[count];
        for (var i = 0; i < count; i++)
        {
            bindings[i] = new TensorBinding();
        }

        return bindings;
    }

    private void BindAll(ReadOnlySpan<PinnedTensor> tensors, TensorBinding[] bindings, string[] names, bool input)
    {
        if (tensors.Length != bindings.Length)
        {
            var what = input ? "inputs" : "outputs";
            throw new ArgumentException($"{ModelPath} has {bindings.Length} {what}; {tensors.Length} given", what);
        }

        for (var i = 0; i < tensors.Length; i++)
        {
            if (!bindings[i].Update(tensors[i]))
            {
                continue;
            }

            if (input)
            {
                binding.BindInput(names[i], bindings[i].Value);
            }
            else
            {
                binding.BindOutput(names[i], bindings[i].Value);
            }
        }
    }
}
