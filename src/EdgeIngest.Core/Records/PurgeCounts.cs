namespace EdgeIngest.Records;

/// <summary>
/// What one purge removed: rows past their retention, the evidence files they named (and their
/// bytes), and <see cref="OrphanFiles"/>: files past retention that no row named any more (left by
/// a crash between a row's delete and its file's, or between a file's write and its row's).
/// </summary>
public sealed record PurgeCounts(int Reads, int Hits, int EvidenceFiles, long EvidenceBytes, int OrphanFiles)
{
    public bool RemovedAnything => Reads + Hits + EvidenceFiles + OrphanFiles > 0;
}
