using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeIngest.Audit;

/// <summary>
/// The one definition of an audit line's bytes: <c>{"seq":n,"at":…,"kind":…,"fields":{…},"prev":…,"hash":…}</c>
/// written by <see cref="Utf8JsonWriter"/> in that fixed order. The hash is SHA-256 (lower-case hex)
/// of the same bytes without <c>"hash"</c> (the object closed after <c>"prev"</c>), so a verifier
/// that parses a line and writes it again gets the bytes the writer hashed: any change to a value
/// changes the hash. Field values are strings, in the order given.
/// </summary>
public static class AuditLineFormat
{
    /// <summary>The <c>prev</c> of the first record: there is no record before it.</summary>
    public static readonly string Genesis = new('0', 64);

    // Relaxed escaping keeps names like "Sûreté" readable in the file; it is as deterministic as the default.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The timestamp as the log writes it: UTC, milliseconds, <c>Z</c>.</summary>
    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 hex of the record's canonical bytes (everything but its hash).</summary>
    public static string HashOf(long seq, string at, string kind, IReadOnlyList<KeyValuePair<string, string>> fields, string prev)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, seq, at, kind, fields, prev, hash: null);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The full line (without the newline) for a record whose hash is <paramref name="hash"/>.</summary>
    public static byte[] Line(long seq, string at, string kind, IReadOnlyList<KeyValuePair<string, string>> fields, string prev, string hash)
    {
        var buffer = new ArrayBufferWriter<byte>(320);
        Write(buffer, seq, at, kind, fields, prev, hash);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads one line back. Returns null with <paramref name="problem"/> set when it is not a
    /// record (not JSON, a member missing or of the wrong type, members out of order).
    /// </summary>
    public static AuditRecord? TryParse(ReadOnlySpan<byte> line, long lineNumber, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            Expect(ref reader, JsonTokenType.StartObject);
            var seq = ReadNumber(ref reader, "seq");
            var at = ReadString(ref reader, "at");
            var kind = ReadString(ref reader, "kind");
            ExpectName(ref reader, "fields");
            Expect(ref reader, JsonTokenType.StartObject);
            var fields = new List<KeyValuePair<string, string>>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                Expect(ref reader, JsonTokenType.String);
                fields.Add(new(name, reader.GetString()!));
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new FormatException("'fields' is not an object of strings");
            }

            var prev = ReadString(ref reader, "prev");
            var hash = ReadString(ref reader, "hash");
            Expect(ref reader, JsonTokenType.EndObject);
            if (reader.Read())
            {
                throw new FormatException("there is more after the record");
            }

            problem = null;
            return new AuditRecord(seq, at, kind, fields, prev, hash, lineNumber);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            problem = $"not a valid audit record ({e.Message})";
            return null;
        }
    }

    private static void Write(IBufferWriter<byte> output, long seq, string at, string kind, IReadOnlyList<KeyValuePair<string, string>> fields, string prev, string? hash)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber("seq", seq);
        writer.WriteString("at", at);
        writer.WriteString("kind", kind);
        writer.WriteStartObject("fields");
        foreach (var field in fields)
        {
            writer.WriteString(field.Key, field.Value);
        }

        writer.WriteEndObject();
        writer.WriteString("prev", prev);
        if (hash is not null)
        {
            writer.WriteString("hash", hash);
        }

        writer.WriteEndObject();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new FormatException($"expected {type} at byte {reader.TokenStartIndex}");
        }
    }

    private static void ExpectName(ref Utf8JsonReader reader, string name)
    {
        Expect(ref reader, JsonTokenType.PropertyName);
        if (!reader.ValueTextEquals(name))
        {
            throw new FormatException($"expected '{name}', found '{reader.GetString()}'");
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, string name)
    {
        ExpectName(ref reader, name);
        Expect(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    private static long ReadNumber(ref Utf8JsonReader reader, string name)
    {
        ExpectName(ref reader, name);
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetInt64();
    }
}
