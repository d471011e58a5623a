namespace EdgeIngest.Receiving.Output;

/// <summary>
/// Where everything lands under <c>output_directory</c> (README in this folder). Device and event
/// ids reach here only after <see cref="Topics.DeviceTopic"/> and <see cref="Topics.EventIds"/>
/// have checked them, so they are safe file names.
/// </summary>
public sealed class OutputLayout(string root)
{
    public string Root { get; } = root;

    public string HitsIndex => Path.Combine(Root, "hits.jsonl");

    public string DropsLog => Path.Combine(Root, "drops.jsonl");

    public string CommandResultsLog => Path.Combine(Root, "command-results.jsonl");

    public string HitRecord(string device, string eventId) => Path.Combine(Root, "hits", device, $"{eventId}.json");

    public string PlateJpeg(string device, string eventId) => Path.Combine(Root, "hits", device, $"{eventId}.plate.jpg");

    public string FrameJpeg(string device, string eventId) => Path.Combine(Root, "hits", device, $"{eventId}.frame.jpg");

    public string CorrectionsIndex => Path.Combine(Root, "corrections.jsonl");

    public string CorrectionRecord(string device, string eventId) => Path.Combine(Root, "corrections", device, $"{eventId}.json");

    public string ReadRecord(string device, string eventId) => Path.Combine(Root, "reads", device, $"{eventId}.json");

    /// <summary>The de-duplication record of a drop (one per hit whose clip was dropped).</summary>
    public string DropRecord(string device, string eventId) => Path.Combine(Root, "drops", device, $"{eventId}.json");

    /// <summary>The de-duplication record of a command result, named by the SHA-256 of its bytes.</summary>
    public string CommandResultRecord(string device, string sha256Hex) => Path.Combine(Root, "command-results", device, $"{sha256Hex}.json");

    public string DeviceFile(string device, string name) => Path.Combine(Root, "devices", device, name);

    public string Clip(string device, string eventId) => Path.Combine(Root, "clips", device, $"{eventId}.mp4");

    /// <summary>Manifest and chunks of a clip still arriving; kept across receiver restarts.</summary>
    public string PartialClips => Path.Combine(Root, ".partial", "clips");

    public string PartialClip(string device, string eventId) => Path.Combine(PartialClips, device, eventId);

    /// <summary>A clip whose bytes did not match its manifest, kept for a technician, never as a clip.</summary>
    public string RejectedClip(string device, string eventId) => Path.Combine(Root, "rejected", "clips", device, eventId);

    /// <summary>A footage request's folder: <c>footage/{case}/{request_id}/</c>, the case number made a safe folder name.</summary>
    public string FootageRequest(string caseNumber, string requestId) => Path.Combine(Root, "footage", Footage.FootageIds.CaseFolder(caseNumber), requestId);

    /// <summary>The de-duplication record of a footage status event.</summary>
    public string FootageStatusRecord(string device, string eventId) => Path.Combine(Root, ".footage", "status", device, $"{eventId}.json");

    /// <summary>Written once a request's footage is all verified and stored: later redeliveries are duplicates.</summary>
    public string FootageDelivered(string device, string requestId) => Path.Combine(Root, ".footage", "delivered", device, $"{requestId}.json");

    /// <summary>Manifest, chunks and verified parts of footage still arriving; kept across receiver restarts.</summary>
    public string PartialFootageRoot => Path.Combine(Root, ".partial", "footage");

    public string PartialFootage(string device, string requestId) => Path.Combine(PartialFootageRoot, device, requestId);

    /// <summary>The chunks of a footage part that failed its sha256 or length, kept for a technician, never as footage.</summary>
    public string RejectedFootagePart(string device, string requestId, string cameraId, int part, DateTimeOffset at) =>
        Path.Combine(Root, "rejected", "footage", device, requestId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cameraId}-part{part}-{at.UtcDateTime:yyyyMMddTHHmmssfff}Z"));
}
