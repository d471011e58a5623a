namespace EdgeIngest.Receiving.Output;

/// <summary>The hit's pictures, as file names relative to the hit's JSON file.</summary>
public sealed record StoredSnapshots(int FrameWidth, int FrameHeight, string PlateFile, string FrameFile);
