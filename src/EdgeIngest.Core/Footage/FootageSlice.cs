namespace EdgeIngest.Footage;

/// <summary>A byte range of one recorded segment file: what a part is read from.</summary>
internal sealed record FootageSlice(string Path, long Offset, long Length);
