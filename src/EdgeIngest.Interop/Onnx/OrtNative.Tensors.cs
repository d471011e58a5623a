namespace EdgeIngest.Interop.Onnx;

internal static unsafe partial class OrtNative
{
    private const int DeviceAllocator = 0;
    private const int MemTypeDefault = 0;

    public static nint CreateCpuMemoryInfo()
    {
        nint info;
        Check(((delegate* unmanaged<int, int, nint*, nint>)Slot(OrtApiSlot.CreateCpuMemoryInfo))(DeviceAllocator, MemTypeDefault, &info));
        return info;
    }

    /// <summary>
    /// Wraps caller memory as a tensor without copying: the memory must stay pinned and alive for
    /// as long as the value exists.
    /// </summary>
    public static nint CreateTensorWithData(nint memoryInfo, void* data, long byteLength, ReadOnlySpan<long> shape, TensorElementType type)
    {
        nint value;
        fixed (long* dims = shape)
        {
            Check(((delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)Slot(OrtApiSlot.CreateTensorWithDataAsOrtValue))(
                memoryInfo, data, (nuint)byteLength, dims, (nuint)shape.Length, (int)type, &value));
        }

        return value;
    }

    public static void* GetTensorMutableData(nint value)
    {
        void* data;
        Check(((delegate* unmanaged<nint, void**, nint>)Slot(OrtApiSlot.GetTensorMutableData))(value, &data));
        return data;
    }

    public static (TensorElementType Type, long[] Shape) GetValueTensorType(nint value)
    {
        nint info;
        Check(((delegate* unmanaged<nint, nint*, nint>)Slot(OrtApiSlot.GetTensorTypeAndShape))(value, &info));
        try
        {
            return ReadTensorInfo(info);
        }
        finally
        {
            Release(OrtApiSlot.ReleaseTensorTypeAndShapeInfo, info);
        }
    }

    private static (TensorElementType Type, long[] Shape) ReadTensorInfo(nint tensorInfo)
    {
        int type;
        Check(((delegate* unmanaged<nint, int*, nint>)Slot(OrtApiSlot.GetTensorElementType))(tensorInfo, &type));
        nuint rank;
        Check(((delegate* unmanaged<nint, nuint*, nint>)Slot(OrtApiSlot.GetDimensionsCount))(tensorInfo, &rank));
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            Check(((delegate* unmanaged<nint, long*, nuint, nint>)Slot(OrtApiSlot.GetDimensions))(tensorInfo, dims, rank));
        }

        return ((TensorElementType)type, shape);
    }
}
