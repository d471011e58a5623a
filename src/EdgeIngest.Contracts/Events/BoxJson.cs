namespace EdgeIngest.Events;

/// <summary>A plate box in full-frame pixels, as it appears in event payloads.</summary>
public sealed record BoxJson(int X, int Y, int Width, int Height);
