using System.Security.Cryptography;

namespace EdgeIngest.Receiving.Output;

/// <summary>
/// Lines of the append-only logs (drops, command results, footage status) stored once however often they arrive.
/// Each line's record file is written first, atomically; its existence is the de-duplication
/// record. Then the line is appended: a crash in between loses a log line, never the record
/// (as with the hits index).
/// </summary>
public sealed class LoggedOnce(OutputLayout layout)
{
    /// <returns>False when a drop for this event was already stored.</returns>
    public bool AppendDrop(string device, string eventId, byte[] line) =>
        Append(layout.DropRecord(device, eventId), layout.DropsLog, line);

    /// <summary>
    /// A command result is keyed by its exact bytes: a repeated command is answered with the same
    /// bytes (a duplicate), while a different answer under a reused command id is kept as well.
    /// </summary>
    /// <returns>False when this very result was already stored.</returns>
    public bool AppendCommandResult(string device, byte[] line) =>
        Append(layout.CommandResultRecord(device, Convert.ToHexStringLower(SHA256.HashData(line))), layout.CommandResultsLog, line);

    /// <summary>A footage request's status event, into the request's <c>status.jsonl</c> (docs/footage.md), once per event id.</summary>
    /// <returns>False when this event was already stored.</returns>
    public bool AppendFootageStatus(string device, string eventId, string requestFolder, byte[] line) =>
        Append(layout.FootageStatusRecord(device, eventId), Path.Combine(requestFolder, "status.jsonl"), line);

    private static bool Append(string record, string log, byte[] line)
    {
        if (File.Exists(record))
        {
            return false;
        }

        AtomicFile.Write(record, line);
        AtomicFile.AppendLine(log, line);
        return true;
    }
}
