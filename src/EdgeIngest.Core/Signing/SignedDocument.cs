using System.Text;
using System.Text.Json;

namespace EdgeIngest.Signing;

/// <summary>
/// A document the agency signed (a hotlist, a hotlist delta, a data-sharing agreement), as it
/// travels: <c>{"schema":"edgeingest.signed/1","type":…,"key_id":…,"payload":BASE64,"signature":BASE64}</c>.
/// The signature covers the schema, the type and the payload's exact bytes (see
/// <see cref="SignedBytes"/>), so no JSON canonicalisation is needed and a hotlist cannot be
/// passed off as an agreement.
/// </summary>
public sealed record SignedDocument(string Type, string KeyId, byte[] Payload, byte[] Signature)
{
    public const string Schema = "edgeingest.signed/1";

    /// <summary>Documents larger than this are refused before parsing (a full hotlist of 1,000,000 entries is about 80 MB).</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    /// <summary>The bytes the signature is computed over: schema, type and payload, newline-separated.</summary>
    public static byte[] SignedBytes(string type, ReadOnlySpan<byte> payload)
    {
        var header = Encoding.UTF8.GetBytes($"{Schema}\n{type}\n");
        var bytes = new byte[header.Length + payload.Length];
        header.CopyTo(bytes, 0);
        payload.CopyTo(bytes.AsSpan(header.Length));
        return bytes;
    }

    /// <summary>The envelope as UTF-8 JSON.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Schema);
            writer.WriteString("type", Type);
            writer.WriteString("key_id", KeyId);
            writer.WriteBase64String("payload", Payload);
            writer.WriteBase64String("signature", Signature);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads an envelope; <paramref name="source"/> names where it came from in the error. Throws
    /// <see cref="SignatureException"/> (reason <see cref="SignatureProblem.Unsigned"/> or
    /// <see cref="SignatureProblem.Malformed"/>) when it is not one.
    /// </summary>
    public static SignedDocument Parse(ReadOnlySpan<byte> json, string source)
    {
        if (json.Length > MaxBytes)
        {
            throw new SignatureException(SignatureProblem.Malformed, $"{source}: {json.Length} bytes, over the {MaxBytes}-byte limit");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new SignatureException(SignatureProblem.Unsigned, $"{source}: not a signed document (not JSON: {e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String)
            {
                throw new SignatureException(SignatureProblem.Unsigned, $"{source}: not a signed document (no \"schema\")");
            }

            if (schema.GetString() != Schema)
            {
                throw new SignatureException(SignatureProblem.Malformed, $"{source}: schema '{schema.GetString()}' is not {Schema}");
            }

            var type = RequiredString(root, "type", source);
            var keyId = RequiredString(root, "key_id", source);
            var payload = RequiredBase64(root, "payload", source);
            if (!root.TryGetProperty("signature", out var signature) || signature.ValueKind != JsonValueKind.String || signature.GetString()!.Length == 0)
            {
                throw new SignatureException(SignatureProblem.Unsigned, $"{source}: the document carries no signature");
            }

            return new SignedDocument(type, keyId, payload, RequiredBase64(root, "signature", source));
        }
    }

    private static string RequiredString(JsonElement root, string name, string source) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new SignatureException(SignatureProblem.Malformed, $"{source}: field \"{name}\" is missing or empty");

    private static byte[] RequiredBase64(JsonElement root, string name, string source)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes))
        {
            return bytes;
        }

        throw new SignatureException(SignatureProblem.Malformed, $"{source}: field \"{name}\" is missing or not base64");
    }
}
