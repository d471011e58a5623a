using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeIngest.Enrollment;

/// <summary>
/// Reads and writes <c>edgeingest.registration/1</c>. Reading lists every problem at once, each
/// naming its field under <c>at</c> (<c>registration.cameras[1].location: missing — …</c>).
/// </summary>
public static class RegistrationJson
{
    /// <summary>Generous for a person's text, small enough that the message stays far below the broker's limits.</summary>
    public const int MaxText = 512;

    /// <summary>More cameras than one appliance could ever run.</summary>
    public const int MaxCameras = 64;

    /// <param name="indented">For a file a person reads; a message goes on one line.</param>
    public static byte[] Write(PropertyRegistration registration, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, registration);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, PropertyRegistration registration)
    {
        writer.WriteStartObject();
        writer.WriteString("schema", PropertyRegistration.SchemaV1);
        writer.WriteString("device_id", registration.DeviceId);
        writer.WriteString("business_name", registration.BusinessName);
        writer.WriteString("address", registration.Address);
        writer.WriteStartObject("contact");
        writer.WriteString("name", registration.Contact.Name);
        if (registration.Contact.Phone is { } phone)
        {
            writer.WriteString("phone", phone);
        }

        if (registration.Contact.Email is { } email)
        {
            writer.WriteString("email", email);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("cameras");
        foreach (var camera in registration.Cameras)
        {
            writer.WriteStartObject();
            writer.WriteString("name", camera.Name);
            writer.WriteString("location", camera.Location);
            writer.WriteString("view_direction", camera.ViewDirection);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a registration file (the one <c>registration.file</c> names); throws <see cref="EnrollmentException"/> naming the file and fields.</summary>
    public static PropertyRegistration ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EnrollmentException(path, [$"cannot be read: {e.Message}"]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new EnrollmentException(path, [$"not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var registration = Read(document.RootElement, "registration", problems);
            return registration ?? throw new EnrollmentException(path, problems);
        }
    }

    /// <summary>Reads the registration at <paramref name="element"/>; null when <paramref name="problems"/> got any.</summary>
    public static PropertyRegistration? Read(JsonElement element, string at, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: expected an object with schema '{PropertyRegistration.SchemaV1}', device_id, business_name, address, contact and cameras");
            return null;
        }

        var before = problems.Count;
        var schema = Text(element, "schema", at, problems);
        if (schema is not null && schema != PropertyRegistration.SchemaV1)
        {
            problems.Add($"{at}.schema: '{schema}' — expected '{PropertyRegistration.SchemaV1}'");
        }

        var deviceId = Text(element, "device_id", at, problems);
        var businessName = Text(element, "business_name", at, problems);
        var address = Text(element, "address", at, problems);
        var contact = ReadContact(element, at, problems);
        var cameras = ReadCameras(element, at, problems);
        return problems.Count == before
            ? new PropertyRegistration(deviceId!, businessName!, address!, contact!, cameras)
            : null;
    }

    private static PropertyContact? ReadContact(JsonElement parent, string at, List<string> problems)
    {
        if (!parent.TryGetProperty("contact", out var contact) || contact.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}.contact: missing — expected {{ name, phone and/or email }}: whom the agency calls about this property");
            return null;
        }

        var where = $"{at}.contact";
        var name = Text(contact, "name", where, problems);
        var phone = Text(contact, "phone", where, problems, required: false);
        var email = Text(contact, "email", where, problems, required: false);
        if (phone is null && email is null)
        {
            problems.Add($"{where}: neither phone nor email — expected at least one way to reach the contact");
        }

        return name is null ? null : new PropertyContact(name, phone, email);
    }

    private static List<RegisteredCamera> ReadCameras(JsonElement parent, string at, List<string> problems)
    {
        var cameras = new List<RegisteredCamera>();
        if (!parent.TryGetProperty("cameras", out var array))
        {
            return cameras;
        }

        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() > MaxCameras)
        {
            problems.Add($"{at}.cameras: expected a list of at most {MaxCameras} cameras, each with name, location and view_direction");
            return cameras;
        }

        var index = 0;
        foreach (var camera in array.EnumerateArray())
        {
            var where = $"{at}.cameras[{index++}]";
            if (camera.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where}: expected {{ name, location, view_direction }}");
                continue;
            }

            var name = Text(camera, "name", where, problems);
            var location = Text(camera, "location", where, problems);
            var direction = Text(camera, "view_direction", where, problems);
            if (name is not null && location is not null && direction is not null)
            {
                cameras.Add(new RegisteredCamera(name, location, direction));
            }
        }

        return cameras;
    }

    private static string? Text(JsonElement parent, string field, string at, List<string> problems, bool required = true)
    {
        if (!parent.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"{at}.{field}: missing — expected non-empty text");
            }

            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxText || text.Any(char.IsControl))
        {
            problems.Add($"{at}.{field}: {Shorten(value.GetRawText())} — expected non-empty text of at most {MaxText} characters on one line");
            return null;
        }

        return text;
    }

    private static string Shorten(string raw) => raw.Length <= 60 ? $"'{raw}'" : $"'{raw[..60]}…'";
}
