using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EdgeIngest.Receiving.Verification;

/// <summary>
/// The checks every JSON payload gets: it parses, it is an object, its <c>schema</c> is the one its
/// topic carries, and its <c>device_id</c> is the device in the topic (a device can only ever speak
/// for itself, whatever the broker's ACL lets through).
/// </summary>
public static class JsonPayload
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    /// <summary>Parses and checks; the caller disposes the document.</summary>
    public static JsonDocument Open(ReadOnlyMemory<byte> payload, string expectedSchema, string topicDeviceId) =>
        Open(payload, [expectedSchema], topicDeviceId);

    /// <summary>As above, for a topic that carries any of <paramref name="expectedSchemas"/> (older devices send older versions).</summary>
    public static JsonDocument Open(ReadOnlyMemory<byte> payload, IReadOnlyList<string> expectedSchemas, string topicDeviceId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, Options);
        }
        catch (JsonException e)
        {
            throw new MessageRejectedException($"not valid JSON ({e.Message})");
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MessageRejectedException($"expected a JSON object, got {root.ValueKind}");
            }

            var schema = RequireString(root, "schema");
            if (!expectedSchemas.Contains(schema))
            {
                throw new MessageRejectedException($"unknown schema '{schema}' (this topic carries '{string.Join("' or '", expectedSchemas)}')");
            }

            var deviceId = RequireString(root, "device_id");
            if (deviceId != topicDeviceId)
            {
                throw new MessageRejectedException($"device_id '{deviceId}' in the payload does not match device '{topicDeviceId}' in the topic");
            }

            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The payload as <typeparamref name="T"/>; a field of the wrong type, or a null payload, rejects it.</summary>
    public static T Read<T>(JsonElement root, JsonTypeInfo<T> type, string what)
        where T : class
    {
        try
        {
            return root.Deserialize(type) ?? throw new MessageRejectedException($"the {what} is null");
        }
        catch (JsonException e)
        {
            throw new MessageRejectedException($"a field has the wrong type ({e.Message})");
        }
    }

    public static string RequireString(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(value.GetString()))
        {
            throw new MessageRejectedException($"'{name}' is missing or not a non-empty string");
        }

        return value.GetString()!;
    }

    public static void RequireKind(JsonElement parent, string name, params JsonValueKind[] kinds)
    {
        if (!parent.TryGetProperty(name, out var value) || !kinds.Contains(value.ValueKind))
        {
            throw new MessageRejectedException($"'{name}' is missing or not {string.Join(" or ", kinds).ToLowerInvariant()}");
        }
    }

    public static void RequireOneOf(JsonElement parent, string name, params string[] allowed)
    {
        var value = RequireString(parent, name);
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new MessageRejectedException($"'{name}' is '{value}', expected one of {string.Join(", ", allowed)}");
        }
    }

    public static string RequireEventId(JsonElement parent, string name = "event_id")
    {
        var text = RequireString(parent, name);
        return Topics.EventIds.TryNormalize(text, out var eventId)
            ? eventId
            : throw new MessageRejectedException($"'{name}' '{text}' is not a UUID");
    }

    /// <summary>The payload on one line, for the append-only logs (a pretty-printed payload would break them).</summary>
    public static byte[] Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
