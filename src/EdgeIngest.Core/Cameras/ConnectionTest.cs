namespace EdgeIngest.Cameras;

/// <summary>What a camera's connection test found: one frame as JPEG, or the exact failure (redacted).</summary>
public sealed record ConnectionTest(byte[]? Jpeg, CameraFailure? Failure)
{
    public bool Succeeded => Jpeg is not null;
}
