using System.Runtime.InteropServices;

namespace EdgeIngest.Interop.Onnx;

internal static unsafe partial class OrtNative
{
    private const int LoggingLevelWarning = 2;
    private const int GraphOptimizationDisableAll = 0;
    private const int GraphOptimizationEnableAll = 99;

    public static nint CreateEnv(string logId)
    {
        var id = Marshal.StringToCoTaskMemUTF8(logId);
        try
        {
            nint env;
            Check(((delegate* unmanaged<int, nint, nint*, nint>)Slot(OrtApiSlot.CreateEnv))(LoggingLevelWarning, id, &env));
            return env;
        }
        finally
        {
            Marshal.FreeCoTaskMem(id);
        }
    }

    public static nint CreateSessionOptions(InferenceSessionOptions options)
    {
        nint created;
        Check(((delegate* unmanaged<nint*, nint>)Slot(OrtApiSlot.CreateSessionOptions))(&created));
        try
        {
            Check(((delegate* unmanaged<nint, int, nint>)Slot(OrtApiSlot.SetIntraOpNumThreads))(created, options.IntraOpThreads));

            // Our models are single chains: threads between operators would only compete.
            Check(((delegate* unmanaged<nint, int, nint>)Slot(OrtApiSlot.SetInterOpNumThreads))(created, 1));
            var spinning = options.AllowSpinning ? "1" : "0";
            AddConfigEntry(created, "session.intra_op.allow_spinning", spinning);
            AddConfigEntry(created, "session.inter_op.allow_spinning", spinning);
            var level = options.OptimizeGraph ? GraphOptimizationEnableAll : GraphOptimizationDisableAll;
            Check(((delegate* unmanaged<nint, int, nint>)Slot(OrtApiSlot.SetSessionGraphOptimizationLevel))(created, level));
            return created;
        }
        catch
        {
            Release(OrtApiSlot.ReleaseSessionOptions, created);
            throw;
        }
    }

    private static void AddConfigEntry(nint sessionOptions, string key, string value)
    {
        var keyUtf8 = Marshal.StringToCoTaskMemUTF8(key);
        var valueUtf8 = Marshal.StringToCoTaskMemUTF8(value);
        try
        {
            Check(((delegate* unmanaged<nint, nint, nint, nint>)Slot(OrtApiSlot.AddSessionConfigEntry))(sessionOptions, keyUtf8, valueUtf8));
        }
        finally
        {
            Marshal.FreeCoTaskMem(keyUtf8);
            Marshal.FreeCoTaskMem(valueUtf8);
        }
    }

    public static nint CreateSession(nint env, string modelPath, nint sessionOptions)
    {
        var path = Marshal.StringToCoTaskMemUTF8(modelPath);
        try
        {
            nint session;
            Check(((delegate* unmanaged<nint, nint, nint, nint*, nint>)Slot(OrtApiSlot.CreateSession))(env, path, sessionOptions, &session));
            return session;
        }
        finally
        {
            Marshal.FreeCoTaskMem(path);
        }
    }

    public static int SessionGetCount(nint session, bool outputs)
    {
        var slot = outputs ? OrtApiSlot.SessionGetOutputCount : OrtApiSlot.SessionGetInputCount;
        nuint count;
        Check(((delegate* unmanaged<nint, nuint*, nint>)Slot(slot))(session, &count));
        return checked((int)count);
    }

    public static string SessionGetName(nint session, int index, bool output)
    {
        nint allocator;
        Check(((delegate* unmanaged<nint*, nint>)Slot(OrtApiSlot.GetAllocatorWithDefaultOptions))(&allocator));
        var slot = output ? OrtApiSlot.SessionGetOutputName : OrtApiSlot.SessionGetInputName;
        nint name;
        Check(((delegate* unmanaged<nint, nuint, nint, nint*, nint>)Slot(slot))(session, (nuint)index, allocator, &name));
        try
        {
            return Marshal.PtrToStringUTF8(name) ?? string.Empty;
        }
        finally
        {
            // Names come from ORT's default allocator and go back to it.
            Check(((delegate* unmanaged<nint, nint, nint>)Slot(OrtApiSlot.AllocatorFree))(allocator, name));
        }
    }

    /// <summary>Element type and shape of a session input or output; a non-tensor reports Undefined.</summary>
    public static (TensorElementType Type, long[] Shape) SessionGetTensorType(nint session, int index, bool output)
    {
        var slot = output ? OrtApiSlot.SessionGetOutputTypeInfo : OrtApiSlot.SessionGetInputTypeInfo;
        nint typeInfo;
        Check(((delegate* unmanaged<nint, nuint, nint*, nint>)Slot(slot))(session, (nuint)index, &typeInfo));
        try
        {
            // The tensor info belongs to the type info: read it, never release it.
            nint tensorInfo;
            Check(((delegate* unmanaged<nint, nint*, nint>)Slot(OrtApiSlot.CastTypeInfoToTensorInfo))(typeInfo, &tensorInfo));
            return tensorInfo == 0 ? (TensorElementType.Undefined, []) : ReadTensorInfo(tensorInfo);
        }
        finally
        {
            Release(OrtApiSlot.ReleaseTypeInfo, typeInfo);
        }
    }

    public static void Run(nint session, nint* inputNames, nint* inputs, int inputCount, nint* outputNames, nint* outputs, int outputCount) =>
        Check(((delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)Slot(OrtApiSlot.Run))(
            session, 0, inputNames, inputs, (nuint)inputCount, outputNames, (nuint)outputCount, outputs));
}
