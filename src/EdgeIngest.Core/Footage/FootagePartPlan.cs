namespace EdgeIngest.Footage;

/// <summary>
/// Where one part of a camera's footage lies on disk (<see cref="Slices"/>, in order) and what it
/// must hash to; the part's <see cref="Ordinal"/> is its place in the whole delivery (cameras in
/// manifest order, then parts), the order in which parts are stored for sending.
/// </summary>
internal sealed record FootagePartPlan(int Ordinal, string CameraId, int Index, long Bytes, int Chunks, string Sha256, IReadOnlyList<FootageSlice> Slices);
