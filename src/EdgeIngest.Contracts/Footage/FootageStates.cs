namespace EdgeIngest.Footage;

/// <summary>The states of a footage request after it was accepted for the owner's answer.</summary>
public static class FootageStates
{
    public const string Pending = "pending";

    public const string Approved = "approved";

    public const string Declined = "declined";

    public const string Expired = "expired";

    public const string Delivered = "delivered";

    /// <summary>Approved, but the video went (disk budget, a changed file) before it could all be sent.</summary>
    public const string Failed = "failed";
}
