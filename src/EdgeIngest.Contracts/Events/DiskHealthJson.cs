namespace EdgeIngest.Events;

/// <summary>Free space on the file system that holds the storage folder.</summary>
public sealed record DiskHealthJson(long FreeBytes);
