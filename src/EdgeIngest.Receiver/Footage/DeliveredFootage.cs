namespace EdgeIngest.Receiving.Footage;

/// <summary>The record that a request's footage is complete: where it is (relative to the output folder) and since when.</summary>
public sealed record DeliveredFootage(string RequestId, string DeviceId, string CaseNumber, string Folder, DateTimeOffset DeliveredAt);
