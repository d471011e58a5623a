using EdgeIngest.Configuration;
using EdgeIngest.Interop.Onnx;

namespace EdgeIngest.Tests.Onnx;

public sealed class OrtStatusTests
{
    public OrtStatusTests() => OrtEnvironment.Load(InstallLayout.OnnxRuntimeLibrary);

    [Fact]
    public void Failed_Status_Becomes_Exception_With_Orts_Code_And_Message()
    {
        var status = OrtNative.CreateStatus(OrtErrorCode.InvalidArgument, "shape 1x3 is not 1x4");

        var error = Assert.Throws<OrtException>(() => OrtNative.Check(status));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Equal("shape 1x3 is not 1x4", error.OrtMessage);
        Assert.Contains("shape 1x3 is not 1x4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_Status_Is_Success() => OrtNative.Check(0);

    [Fact]
    public void Library_Reports_A_Version() => Assert.Matches(@"^\d+\.\d+\.\d+", OrtEnvironment.Version);
}
