namespace EdgeIngest.Agreements;

/// <summary>
/// What an agreement says about video (docs/footage.md): how long the continuous recording is kept,
/// the longest window one footage request may ask for, and how long a request waits for the
/// owner's answer before it expires. An agreement without a <c>footage</c> object gets <see cref="Default"/>.
/// </summary>
public sealed record FootageTerms(int RecordingHours, int MaxWindowHours, int AnswerWithinDays)
{
    public const int MaxRecordingHours = 8760;

    /// <summary>A week: longer windows are not a request for assistance but a feed.</summary>
    public const int MaxWindowHoursLimit = 168;

    public const int MaxAnswerWithinDays = 90;

    /// <summary>72 h of recording; 12 h windows, as Ring's request-for-assistance policy; a week to answer.</summary>
    public static FootageTerms Default { get; } = new(72, 12, 7);

    public TimeSpan Recording => TimeSpan.FromHours(RecordingHours);

    public TimeSpan MaxWindow => TimeSpan.FromHours(MaxWindowHours);

    public TimeSpan AnswerWithin => TimeSpan.FromDays(AnswerWithinDays);
}
