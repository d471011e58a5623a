namespace EdgeIngest.Interop.Onnx;

/// <summary>
/// Positions in ONNX Runtime's <c>OrtApi</c> function-pointer table, counted from zero in the
/// order of <c>include/onnxruntime/core/session/onnxruntime_c_api.h</c>. The table only grows at
/// the end, so these hold for every version at or above the one requested. A wrong number calls
/// the wrong function and crashes: each one here was checked against the header.
/// </summary>
internal enum OrtApiSlot
{
    CreateStatus = 0,
    GetErrorCode = 1,
    GetErrorMessage = 2,
    CreateEnv = 3,
    CreateSession = 7,
    Run = 9,
    CreateSessionOptions = 10,
    SetSessionGraphOptimizationLevel = 23,
    SetIntraOpNumThreads = 24,
    SetInterOpNumThreads = 25,
    SessionGetInputCount = 30,
    SessionGetOutputCount = 31,
    SessionGetInputTypeInfo = 33,
    SessionGetOutputTypeInfo = 34,
    SessionGetInputName = 36,
    SessionGetOutputName = 37,
    CreateTensorWithDataAsOrtValue = 49,
    GetTensorMutableData = 51,
    CastTypeInfoToTensorInfo = 55,
    GetTensorElementType = 60,
    GetDimensionsCount = 61,
    GetDimensions = 62,
    GetTensorTypeAndShape = 65,
    CreateCpuMemoryInfo = 69,
    AllocatorFree = 76,
    GetAllocatorWithDefaultOptions = 78,
    ReleaseEnv = 92,
    ReleaseStatus = 93,
    ReleaseMemoryInfo = 94,
    ReleaseSession = 95,
    ReleaseValue = 96,
    ReleaseTypeInfo = 98,
    ReleaseTensorTypeAndShapeInfo = 99,
    ReleaseSessionOptions = 100,
    AddSessionConfigEntry = 130,
}
