using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EdgeIngest.Enrollment;

/// <summary>
/// The property's registration as the technician gives it to <c>enroll create</c>: a small YAML or
/// JSON file (<c>business_name</c>, <c>address</c>, <c>contact {name, phone, email}</c>,
/// <c>cameras [{name, location, view_direction}]</c>) and/or options, the options winning.
/// </summary>
public static class RegistrationInput
{
    private static readonly string[] Fields = ["business_name", "address", "contact", "cameras"];

    public static PropertyRegistration Read(EnrollmentRequest request)
    {
        var source = request.RegistrationFile ?? "the registration options (--property, --address, --contact-*, --camera)";
        var problems = new List<string>();
        var fields = request.RegistrationFile is { } file ? ReadFile(file, problems) : [];
        fields["business_name"] = request.PropertyName;
        if (request.Address is { } address)
        {
            fields["address"] = address;
        }

        var contact = fields["contact"] as JsonObject ?? [];
        if (fields.ContainsKey("contact") || request.ContactName is not null || request.ContactPhone is not null || request.ContactEmail is not null)
        {
            fields["contact"] = contact;
        }

        SetIfGiven(contact, "name", request.ContactName);
        SetIfGiven(contact, "phone", request.ContactPhone);
        SetIfGiven(contact, "email", request.ContactEmail);
        if (request.Cameras.Count > 0)
        {
            fields["cameras"] = new JsonArray([.. request.Cameras.Select((c, i) => CameraOption(c, i, problems))]);
        }

        fields["schema"] = PropertyRegistration.SchemaV1;
        fields["device_id"] = request.DeviceId;
        using var document = JsonDocument.Parse(fields.ToJsonString());
        var registration = RegistrationJson.Read(document.RootElement, "registration", problems);
        return problems.Count == 0 ? registration! : throw new EnrollmentException(source, problems);
    }

    private static JsonObject ReadFile(string path, List<string> problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EnrollmentException(path, [$"cannot be read: {e.Message}"]);
        }

        object? parsed;
        try
        {
            // JSON is YAML too: one parser reads both.
            parsed = new DeserializerBuilder().Build().Deserialize<object?>(text);
        }
        catch (YamlException e)
        {
            throw new EnrollmentException(path, [$"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}"]);
        }

        if (ToJson(parsed) is not JsonObject fields)
        {
            throw new EnrollmentException(path, [$"expected a mapping of {string.Join(", ", Fields)}"]);
        }

        foreach (var name in fields.Select(p => p.Key).ToList())
        {
            if (!Fields.Contains(name))
            {
                problems.Add($"registration.{name}: unknown field; expected {string.Join(", ", Fields)}");
            }
        }

        return fields;
    }

    private static JsonObject CameraOption(string text, int index, List<string> problems)
    {
        var parts = text.Split(';', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            problems.Add($"--camera[{index}]: '{text}' — expected NAME;LOCATION;VIEW DIRECTION");
        }

        return new JsonObject
        {
            ["name"] = parts.ElementAtOrDefault(0),
            ["location"] = parts.ElementAtOrDefault(1),
            ["view_direction"] = parts.ElementAtOrDefault(2),
        };
    }

    private static void SetIfGiven(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    /// <summary>YAML's tree as JSON; every scalar stays text (a phone number is not a number).</summary>
    private static JsonNode? ToJson(object? value) => value switch
    {
        IDictionary<object, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(Convert.ToString(p.Key, CultureInfo.InvariantCulture)!, ToJson(p.Value)))),
        IList<object?> list => new JsonArray([.. list.Select(ToJson)]),
        null => null,
        var scalar => JsonValue.Create(Convert.ToString(scalar, CultureInfo.InvariantCulture)),
    };
}
