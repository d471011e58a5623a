using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeIngest.Agreements;
using EdgeIngest.Signing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EdgeIngest.Cli;

/// <summary>
/// Agency side: <c>agreement sign --key KEY --in AGREEMENT.yaml|json --out FILE</c> (the fields of
/// <c>edgeingest.agreement/1</c>, schema optional; every mistake named by field, YAML syntax by
/// line) and <c>agreement publish</c>. Exit codes as for <c>hotlist</c>.
/// </summary>
internal static class AgreementCommand
{
    public static Command Create() => new("agreement", "Agency side: sign the data-sharing agreement, publish it to devices")
    {
        SignCommand(),
        DocumentCli.PublishCommand("agreement", [SignedDocumentTypes.Agreement]),
    };

    private static Command SignCommand()
    {
        var key = new Option<FileInfo>("--key") { Description = "The agency signing key (agency-signing-key.pem)", Required = true };
        var input = new Option<FileInfo>("--in") { Description = "The agreement, YAML or JSON: agreement_id, version, agency, allowed_categories, sharing_policy, retention_days {reads, hits, evidence}, valid_from, valid_until", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the signed file", Required = true };
        var command = new Command("sign", "Sign a data-sharing agreement with the agency key") { key, input, output };
        command.SetAction(async (result, _) =>
        {
            var path = result.GetValue(input)!.FullName;
            try
            {
                using var signingKey = DocumentCli.LoadKey(result.GetValue(key)!.FullName);
                var agreement = AgreementPayload.Read(ReadAsJson(path), path);
                var outPath = result.GetValue(output)!.FullName;
                DocumentCli.WriteSigned(outPath, signingKey.Sign(SignedDocumentTypes.Agreement, AgreementPayload.Write(agreement)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signed agreement {agreement.AgreementId} version {agreement.Version} with key {signingKey.KeyId}: {outPath}"));
                return CliExit.Ok;
            }
            catch (Exception e) when (e is AgreementFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return await CliExit.FailAsync("agreement sign", CliExit.BadInput, e.Message).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>The file as payload JSON; YAML is converted (numbers and booleans typed), and a missing schema is filled in.</summary>
    private static byte[] ReadAsJson(string path)
    {
        var text = File.ReadAllText(path);
        JsonNode? root;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                root = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new AgreementFormatException(path, [$"not valid JSON: {e.Message}"]);
            }
        }
        else
        {
            try
            {
                root = ToJson(new DeserializerBuilder().Build().Deserialize<object?>(text));
            }
            catch (YamlException e)
            {
                throw new AgreementFormatException(path, [$"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}"]);
            }
        }

        if (root is JsonObject fields && !fields.ContainsKey("schema"))
        {
            fields.Insert(0, "schema", SharingAgreement.SchemaV1);
        }

        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        IDictionary<object, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(Convert.ToString(p.Key, CultureInfo.InvariantCulture)!, ToJson(p.Value)))),
        IList<object?> list => new JsonArray([.. list.Select(ToJson)]),
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        string s => JsonValue.Create(s),
        null => null,
        var other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
    };
}
