using System.Text.Json;

namespace EdgeIngest.Receiving.Verification;

/// <summary>
/// Checks the small device messages (status, registration, heartbeat, drop, command result) for the fields the
/// receiver files them by; the rest is kept as the device sent it.
/// </summary>
public static class DeviceMessageVerifier
{
    public const string StatusSchema = "edgeingest.status/1";
    public const string RegistrationSchema = "edgeingest.registration/1";
    public const string HeartbeatSchema = "edgeingest.heartbeat/1";
    public const string DropSchema = "edgeingest.drop/1";
    public const string CommandResultSchema = "edgeingest.command-result/1";

    /// <returns>The payload on one line.</returns>
    public static byte[] VerifyStatus(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, StatusSchema, topicDeviceId);
        JsonPayload.RequireOneOf(document.RootElement, "state", "online", "offline");
        return JsonPayload.Compact(document.RootElement);
    }

    /// <summary>The property's registration (docs/events.md): kept as sent once the fields the registry lists by are there.</summary>
    public static byte[] VerifyRegistration(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, RegistrationSchema, topicDeviceId);
        JsonPayload.RequireString(document.RootElement, "business_name");
        JsonPayload.RequireString(document.RootElement, "address");
        JsonPayload.RequireKind(document.RootElement, "contact", JsonValueKind.Object);
        JsonPayload.RequireKind(document.RootElement, "cameras", JsonValueKind.Array);
        return JsonPayload.Compact(document.RootElement);
    }

    public static byte[] VerifyHeartbeat(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, HeartbeatSchema, topicDeviceId);
        JsonPayload.RequireString(document.RootElement, "at");
        JsonPayload.RequireKind(document.RootElement, "cameras", JsonValueKind.Array);
        return JsonPayload.Compact(document.RootElement);
    }

    /// <returns>The payload on one line, and the (normalized) event id whose clip was dropped: the drop's identity.</returns>
    public static (byte[] Line, string EventId) VerifyDrop(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, DropSchema, topicDeviceId);
        JsonPayload.RequireString(document.RootElement, "kind");
        JsonPayload.RequireString(document.RootElement, "reason");
        var eventId = JsonPayload.RequireEventId(document.RootElement);
        return (JsonPayload.Compact(document.RootElement), eventId);
    }

    /// <returns>The payload on one line, and its command id.</returns>
    public static (byte[] Line, string CommandId) VerifyCommandResult(ReadOnlyMemory<byte> payload, string topicDeviceId)
    {
        using var document = JsonPayload.Open(payload, CommandResultSchema, topicDeviceId);
        var commandId = JsonPayload.RequireString(document.RootElement, "command_id");
        JsonPayload.RequireKind(document.RootElement, "ok", JsonValueKind.True, JsonValueKind.False);
        return (JsonPayload.Compact(document.RootElement), commandId);
    }
}
