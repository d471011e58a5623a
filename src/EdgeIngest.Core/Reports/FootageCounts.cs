namespace EdgeIngest.Reports;

/// <summary>
/// Footage requests over a day (or the whole report), counted from the audit by outcome
/// (docs/footage.md): received, refused at once, approved, declined, expired unanswered,
/// delivered, failed; and the bytes of footage the receiver confirmed.
/// </summary>
public sealed record FootageCounts(long Received, long Refused, long Approved, long Declined, long Expired, long Delivered, long Failed, long BytesDelivered)
{
    public static FootageCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public bool Any => this != None;

    public FootageCounts Plus(FootageCounts other) => new(
        Received + other.Received,
        Refused + other.Refused,
        Approved + other.Approved,
        Declined + other.Declined,
        Expired + other.Expired,
        Delivered + other.Delivered,
        Failed + other.Failed,
        BytesDelivered + other.BytesDelivered);
}
