using System.Text.Json;

namespace EdgeIngest.Hotlists;

/// <summary>
/// Writes the payloads <c>hotlist sign</c> signs (and tests build): fields in a fixed order,
/// optional entry fields left out when unset. <see cref="HotlistPayload"/> reads them back.
/// </summary>
public static class HotlistPayloadWriter
{
    public static byte[] Full(long version, DateTimeOffset issuedAt, IEnumerable<HotlistEntry> entries) =>
        Write(writer =>
        {
            writer.WriteString("schema", HotlistDocument.SchemaV2);
            writer.WriteNumber("version", version);
            writer.WriteString("issued_at", IsoTimestamps.Format(issuedAt));
            WriteEntries(writer, "entries", entries);
        });

    public static byte[] Delta(long version, long baseVersion, DateTimeOffset issuedAt, IEnumerable<HotlistEntry> upserts, IEnumerable<string> removals) =>
        Write(writer =>
        {
            writer.WriteString("schema", HotlistDelta.SchemaV1);
            writer.WriteNumber("version", version);
            writer.WriteNumber("base_version", baseVersion);
            writer.WriteString("issued_at", IsoTimestamps.Format(issuedAt));
            WriteEntries(writer, "upserts", upserts);
            writer.WriteStartArray("removals");
            foreach (var plate in removals)
            {
                writer.WriteStringValue(plate);
            }

            writer.WriteEndArray();
        });

    private static void WriteEntries(Utf8JsonWriter writer, string name, IEnumerable<HotlistEntry> entries)
    {
        writer.WriteStartArray(name);
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("plate", entry.Plate);
            writer.WriteString("category", entry.Category);
            writer.WriteString("reason", entry.Reason);
            writer.WriteString("priority", HotlistPriorities.Name(entry.Priority));
            if (entry.Region is { } region)
            {
                writer.WriteString("region", region);
            }

            if (entry.ExpiresAt is { } expires)
            {
                writer.WriteString("expires_at", IsoTimestamps.Format(expires));
            }

            if (entry.Covert)
            {
                writer.WriteBoolean("covert", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
