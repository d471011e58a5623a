namespace EdgeIngest.Footage;

/// <summary>The field limits of a footage request, the same on both sides of the link.</summary>
public static class FootageRequestLimits
{
    public const int MaxCaseNumberLength = 64;

    public const int MaxReasonCodeLength = 64;

    public const int MaxOfficerLength = 128;

    public const int MaxCameras = 16;

    public const int MaxNoteLength = 1000;

    /// <summary>Footage is split into parts of at most this many bytes, at segment boundaries.</summary>
    public const int MaxPartBytes = 8 * 1024 * 1024;
}
