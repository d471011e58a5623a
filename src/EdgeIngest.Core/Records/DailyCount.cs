namespace EdgeIngest.Records;

/// <summary>
/// One of the store's day counters (UTC days): <see cref="Counter"/> is one of
/// <see cref="DailyCounters"/>; <see cref="Category"/> and <see cref="Detail"/> refine it
/// (hits: category and match kind; withheld: category and reason; vehicles read: camera), "" when not.
/// </summary>
public sealed record DailyCount(DateOnly Day, string Counter, string Category, string Detail, long Value);
