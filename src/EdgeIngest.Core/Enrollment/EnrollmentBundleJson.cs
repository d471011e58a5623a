using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeIngest.Hotlists;

namespace EdgeIngest.Enrollment;

/// <summary>
/// The bundle file as JSON (docs/enrollment.md). Reading lists every missing or mistyped field at
/// once; it checks shapes only, <see cref="EnrollmentValidator"/> judges the contents.
/// </summary>
public static class EnrollmentBundleJson
{
    /// <summary>A bundle is a few kilobytes; anything this large is not one.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    public static byte[] Write(EnrollmentBundle bundle)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", EnrollmentBundle.SchemaV1);
            writer.WriteString("created_at", IsoTimestamps.Format(bundle.CreatedAt));
            writer.WriteString("device_id", bundle.DeviceId);
            writer.WriteStartObject("broker");
            writer.WriteString("host", bundle.BrokerHost);
            writer.WriteNumber("port", bundle.BrokerPort);
            writer.WriteString("topic_prefix", bundle.TopicPrefix);
            writer.WriteEndObject();
            writer.WriteString("agency_ca", bundle.AgencyCaPem);
            writer.WriteString("device_certificate", bundle.DeviceCertificatePem);
            writer.WriteString("device_key", bundle.DeviceKeyPem);
            writer.WriteString("agency_public_key", bundle.AgencyPublicKeyPem);
            if (bundle.SignedAgreement is { } agreement)
            {
                writer.WritePropertyName("agreement");
                using var envelope = JsonDocument.Parse(agreement);
                envelope.RootElement.WriteTo(writer);
            }
            else
            {
                writer.WriteNull("agreement");
            }

            writer.WritePropertyName("registration");
            RegistrationJson.Write(writer, bundle.Registration);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a bundle file; throws <see cref="EnrollmentException"/> naming the file and every field at fault.</summary>
    public static EnrollmentBundle ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new EnrollmentException(path, ["the file does not exist"]);
            }

            if (info.Length > MaxBytes)
            {
                throw new EnrollmentException(path, [$"{info.Length} bytes — not an enrollment bundle (at most {MaxBytes} bytes)"]);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EnrollmentException(path, [$"cannot be read: {e.Message}"]);
        }

        return Read(bytes, path);
    }

    public static EnrollmentBundle Read(ReadOnlyMemory<byte> json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new EnrollmentException(source, [$"not an enrollment bundle (not JSON: {e.Message})"]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String)
            {
                throw new EnrollmentException(source, [$"not an enrollment bundle (no \"schema\": '{EnrollmentBundle.SchemaV1}')"]);
            }

            if (schema.GetString() != EnrollmentBundle.SchemaV1)
            {
                throw new EnrollmentException(source, [$"schema: '{schema.GetString()}' — expected '{EnrollmentBundle.SchemaV1}'"]);
            }

            var problems = new List<string>();
            var createdAt = root.TryGetProperty("created_at", out var created) && IsoTimestamps.TryParse(created.GetString(), out var at) ? at : (DateTimeOffset?)null;
            if (createdAt is null)
            {
                problems.Add($"created_at: {Describe(root, "created_at")} — {IsoTimestamps.Expected}");
            }

            var deviceId = Text(root, "device_id", problems);
            var (host, port, prefix) = ReadBroker(root, problems);
            var ca = Text(root, "agency_ca", problems, "the agency CA certificate (PEM)");
            var certificate = Text(root, "device_certificate", problems, "this device's certificate (PEM)");
            var key = Text(root, "device_key", problems, "this device's private key (PEM)");
            var publicKey = Text(root, "agency_public_key", problems, "the agency's signing public key (PEM, agency-public-key.pem)");
            var agreement = ReadAgreement(root, problems);
            PropertyRegistration? registration = null;
            if (root.TryGetProperty("registration", out var registrationElement))
            {
                registration = RegistrationJson.Read(registrationElement, "registration", problems);
            }
            else
            {
                problems.Add("registration: missing — expected the property's registration (business_name, address, contact, cameras)");
            }

            return problems.Count == 0
                ? new EnrollmentBundle(deviceId!, host!, port, prefix!, ca!, certificate!, key!, publicKey!, agreement, registration!, createdAt!.Value)
                : throw new EnrollmentException(source, problems);
        }
    }

    private static (string? Host, int Port, string? Prefix) ReadBroker(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("broker", out var broker) || broker.ValueKind != JsonValueKind.Object)
        {
            problems.Add("broker: missing — expected { host, port, topic_prefix }");
            return (null, 0, null);
        }

        var host = Text(broker, "host", problems, "the agency broker's host name or IP address", "broker.");
        var port = broker.TryGetProperty("port", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) && n is >= 1 and <= 65535 ? n : 0;
        if (port == 0)
        {
            problems.Add($"broker.port: {Describe(broker, "port")} — expected a TCP port from 1 to 65535");
        }

        var prefix = broker.TryGetProperty("topic_prefix", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } text
            ? text
            : EnrollmentBundle.DefaultTopicPrefix;
        return (host, port, prefix);
    }

    private static byte[]? ReadAgreement(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("agreement", out var agreement) || agreement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (agreement.ValueKind != JsonValueKind.Object)
        {
            problems.Add("agreement: expected the signed agreement (an edgeingest.signed/1 object from edgeingest agreement sign) or null");
            return null;
        }

        // On one line, as agreement sign writes it: the signature covers the payload, not the layout.
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            agreement.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static string? Text(JsonElement parent, string field, List<string> problems, string what = "non-empty text", string at = "")
    {
        if (parent.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!;
        }

        problems.Add($"{at}{field}: {Describe(parent, field)} — expected {what}");
        return null;
    }

    private static string Describe(JsonElement parent, string field) =>
        !parent.TryGetProperty(field, out var value) ? "missing"
        : value.ValueKind == JsonValueKind.String ? $"'{Shorten(value.GetString()!)}'"
        : string.Create(CultureInfo.InvariantCulture, $"'{Shorten(value.GetRawText())}'");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
