using System.Runtime.InteropServices;
using EdgeIngest.Interop.Onnx.Handles;

namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// <see cref="IInferenceSession"/> over the ONNX Runtime C API. Inputs and outputs are bound as
/// values over the caller's pinned tensors and kept between runs, so a steady-state run passes
/// pointers only. Outputs are bound (not left to ORT to allocate) because every model here has an
/// output shape the caller can know: the detector's follows its input, the recogniser's is fixed
/// for its fixed input width and is learnt once with <see cref="ProbeOutputShape"/>.
/// </summary>
internal sealed unsafe class OrtInferenceSession : IInferenceSession
{
    private readonly OrtSessionHandle session;
    private readonly OrtMemoryInfoHandle memoryInfo;
    private readonly nint[] inputNames;
    private readonly nint[] outputNames;
    private readonly nint[] inputValues;
    private readonly nint[] outputValues;
    private readonly TensorBinding[] inputBindings;
    private readonly TensorBinding[] outputBindings;
    private bool disposed;

    public OrtInferenceSession(OrtEnvHandle environment, string modelPath, InferenceSessionOptions options)
    {
        ModelPath = modelPath;
        using var sessionOptions = new OrtSessionOptionsHandle(OrtNative.CreateSessionOptions(options));
        session = new OrtSessionHandle(
            OrtNative.CreateSession(environment.DangerousGetHandle(), modelPath, sessionOptions.DangerousGetHandle()));
        memoryInfo = new OrtMemoryInfoHandle(OrtNative.CreateCpuMemoryInfo());

        Inputs = ReadMetadata(output: false);
        Outputs = ReadMetadata(output: true);
        inputNames = AllocateNames(Inputs);
        outputNames = AllocateNames(Outputs);
        inputValues = GC.AllocateArray<nint>(Inputs.Count, pinned: true);
        outputValues = GC.AllocateArray<nint>(Outputs.Count, pinned: true);
        inputBindings = CreateBindings(Inputs.Count);
        outputBindings = CreateBindings(Outputs.Count);
    }

    ~OrtInferenceSession() => FreeNames();

    public string ModelPath { get; }

    public IReadOnlyList<TensorMetadata> Inputs { get; }

    public IReadOnlyList<TensorMetadata> Outputs { get; }

    public void Run(ReadOnlySpan<PinnedTensor> inputs, ReadOnlySpan<PinnedTensor> outputs)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        BindAll(inputs, inputBindings, inputValues, "inputs");
        BindAll(outputs, outputBindings, outputValues, "outputs");
        fixed (nint* inNames = inputNames, inValues = inputValues, outNames = outputNames, outValues = outputValues)
        {
            OrtNative.Run(session.DangerousGetHandle(), inNames, inValues, inputNames.Length, outNames, outValues, outputNames.Length);
        }
    }

    public long[] ProbeOutputShape(ReadOnlySpan<PinnedTensor> inputs, int outputIndex)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)outputIndex, (uint)Outputs.Count, nameof(outputIndex));
        BindAll(inputs, inputBindings, inputValues, "inputs");

        // Null outputs ask ORT to allocate them; they are ours to release.
        var allocated = new nint[Outputs.Count];
        try
        {
            fixed (nint* inNames = inputNames, inValues = inputValues, outNames = outputNames, outValues = allocated)
            {
                OrtNative.Run(session.DangerousGetHandle(), inNames, inValues, inputNames.Length, outNames, outValues, outputNames.Length);
            }

            return OrtNative.GetValueTensorType(allocated[outputIndex]).Shape;
        }
        finally
        {
            foreach (var value in allocated)
            {
                if (value != 0)
                {
                    OrtNative.Release(OrtApiSlot.ReleaseValue, value);
                }
            }
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var binding in inputBindings)
        {
            binding.Dispose();
        }

        foreach (var binding in outputBindings)
        {
            binding.Dispose();
        }

        session.Dispose();
        memoryInfo.Dispose();
        FreeNames();
        GC.SuppressFinalize(this);
    }

    private static nint[] AllocateNames(IReadOnlyList<TensorMetadata> metadata)
    {
        var names = GC.AllocateArray<nint>(metadata.Count, pinned: true);
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Marshal.StringToCoTaskMemUTF8(metadata[i].Name);
        }

        return names;
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

    private void BindAll(ReadOnlySpan<PinnedTensor> tensors, TensorBinding[] bindings, nint[] values, string what)
    {
        if (tensors.Length != bindings.Length)
        {
            throw new ArgumentException($"{ModelPath} has {bindings.Length} {what}; {tensors.Length} given", what);
        }

        for (var i = 0; i < tensors.Length; i++)
        {
            values[i] = bindings[i].Bind(tensors[i], memoryInfo);
        }
    }

    private TensorMetadata[] ReadMetadata(bool output)
    {
        var handle = session.DangerousGetHandle();
        var count = OrtNative.SessionGetCount(handle, output);
        var metadata = new TensorMetadata[count];
        for (var i = 0; i < count; i++)
        {
            var name = OrtNative.SessionGetName(handle, i, output);
            var (type, shape) = OrtNative.SessionGetTensorType(handle, i, output);
            metadata[i] = new TensorMetadata(name, type, shape);
        }

        return metadata;
    }

    private void FreeNames()
    {
        FreeAll(inputNames);
        FreeAll(outputNames);

        static void FreeAll(nint[]? names)
        {
            if (names is null)
            {
                return;
            }

            for (var i = 0; i < names.Length; i++)
            {
                Marshal.FreeCoTaskMem(names[i]);
                names[i] = 0;
            }
        }
    }
}
