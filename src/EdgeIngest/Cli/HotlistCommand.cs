using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeIngest.Hotlists;
using EdgeIngest.Signing;

namespace EdgeIngest.Cli;

/// <summary>
/// Agency side: <c>hotlist keygen --out DIR</c> (the signing key pair), <c>hotlist sign</c> (a CSV or
/// JSON list into a signed full list, or with <c>--delta-from M --base FILE</c> a signed delta
/// against version M) and <c>hotlist publish</c>. Exit codes: 0 ok, 2 usage, 3 bad input (the
/// message names file, line or field), 4 publish failed.
/// </summary>
internal static class HotlistCommand
{
    public const string SigningKeyFile = "agency-signing-key.pem";
    public const string PublicKeyFile = "agency-public-key.pem";

    public static Command Create() => new("hotlist", "Agency side: make the signing key, sign hotlists, publish them to devices")
    {
        KeygenCommand(),
        SignCommand(),
        DocumentCli.PublishCommand("hotlist", [SignedDocumentTypes.Hotlist, SignedDocumentTypes.HotlistDelta]),
    };

    private static Command KeygenCommand()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for agency-signing-key.pem (mode 0600, keep it at the agency) and agency-public-key.pem (for every device)", Required = true };
        var command = new Command("keygen", "Make the agency's ECDSA P-256 signing key pair") { output };
        command.SetAction(async (result, _) =>
        {
            var folder = result.GetValue(output)!.FullName;
            var privatePath = Path.Combine(folder, SigningKeyFile);
            if (File.Exists(privatePath))
            {
                return await CliExit.FailAsync("hotlist keygen", CliExit.BadInput, $"{privatePath} already exists; refusing to replace a signing key devices may trust").ConfigureAwait(false);
            }

            Directory.CreateDirectory(folder);
            using var key = AgencySigningKey.Generate();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(privatePath, options))
            {
                await writer.WriteAsync(key.PrivateKeyPem()).ConfigureAwait(false);
            }

            await File.WriteAllTextAsync(Path.Combine(folder, PublicKeyFile), key.PublicKeyPem()).ConfigureAwait(false);
            Console.WriteLine($"agency key {key.KeyId}: {privatePath} (keep it at the agency), {Path.Combine(folder, PublicKeyFile)} (agency.public_key_file on every device)");
            return CliExit.Ok;
        });
        return command;
    }

    private static Command SignCommand()
    {
        var key = new Option<FileInfo>("--key") { Description = "The agency signing key (agency-signing-key.pem)", Required = true };
        var input = new Option<FileInfo>("--in") { Description = "The list: CSV (plate,category,reason,priority,region,expires_at,covert; or plate,reason,priority) or JSON ({\"entries\":[…]})", Required = true };
        var version = new Option<long>("--version") { Description = "The list's version; devices take only a version above the one they hold", Required = true };
        var deltaFrom = new Option<long?>("--delta-from") { Description = "Sign a delta from this version instead of a full list (needs --base)" };
        var baseList = new Option<FileInfo?>("--base") { Description = "With --delta-from: the list of that version (CSV, JSON or its signed file)" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the signed file", Required = true };
        var command = new Command("sign", "Sign a hotlist (full or delta) with the agency key") { key, input, version, deltaFrom, baseList, output };
        command.SetAction(async (result, _) =>
        {
            var n = result.GetValue(version);
            var from = result.GetValue(deltaFrom);
            var basePath = result.GetValue(baseList)?.FullName;
            if (n <= 0 || from is <= 0 || (from is { } m && m >= n))
            {
                return await CliExit.FailAsync("hotlist sign", CliExit.Usage, "--version must be above 0, and above --delta-from").ConfigureAwait(false);
            }

            if ((from is null) != (basePath is null))
            {
                return await CliExit.FailAsync("hotlist sign", CliExit.Usage, "--delta-from and --base go together: the delta is the difference from the base list").ConfigureAwait(false);
            }

            try
            {
                using var signingKey = DocumentCli.LoadKey(result.GetValue(key)!.FullName);
                var entries = ReadList(result.GetValue(input)!.FullName, signingKey);
                var issuedAt = DateTimeOffset.UtcNow;
                SignedDocument signed;
                string summary;
                if (from is { } baseVersion)
                {
                    var (upserts, removals) = Difference(ReadList(basePath!, signingKey), entries);
                    signed = signingKey.Sign(SignedDocumentTypes.HotlistDelta, HotlistPayloadWriter.Delta(n, baseVersion, issuedAt, upserts, removals));
                    summary = string.Create(CultureInfo.InvariantCulture, $"delta {baseVersion} → {n} ({upserts.Count:N0} upserts, {removals.Count:N0} removals)");
                }
                else
                {
                    signed = signingKey.Sign(SignedDocumentTypes.Hotlist, HotlistPayloadWriter.Full(n, issuedAt, entries));
                    summary = string.Create(CultureInfo.InvariantCulture, $"hotlist version {n} ({entries.Count:N0} entries)");
                }

                var outPath = result.GetValue(output)!.FullName;
                DocumentCli.WriteSigned(outPath, signed);
                Console.WriteLine($"signed {summary} with key {signingKey.KeyId}: {outPath}");
                return CliExit.Ok;
            }
            catch (Exception e) when (e is HotlistFormatException or InvalidDataException or SignatureException or IOException or UnauthorizedAccessException)
            {
                return await CliExit.FailAsync("hotlist sign", CliExit.BadInput, e.Message).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>A list from CSV, from JSON (<c>{"entries":[…]}</c> or a whole payload), or from a signed file made with this key.</summary>
    private static IReadOnlyList<HotlistEntry> ReadList(string path, AgencySigningKey key)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return HotlistCsv.Load(path);
        }

        var bytes = File.ReadAllBytes(path);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(bytes) as JsonObject ?? throw new HotlistFormatException(path, ["expected a JSON object with \"entries\""]);
        }
        catch (JsonException e)
        {
            throw new HotlistFormatException(path, [$"not valid JSON: {e.Message}"]);
        }

        if (root["schema"]?.GetValue<string>() == SignedDocument.Schema)
        {
            using var publicKey = AgencyPublicKey.FromPem(key.PublicKeyPem(), "the signing key");
            return HotlistPayload.ReadFull(publicKey.Verify(bytes, SignedDocumentTypes.Hotlist, path), path).Entries;
        }

        // The list's own version and time are replaced by --version and now; entries are checked field by field.
        var payload = new JsonObject
        {
            ["schema"] = HotlistDocument.SchemaV2,
            ["version"] = 1,
            ["issued_at"] = IsoTimestamps.Format(DateTimeOffset.UtcNow),
            ["entries"] = root["entries"]?.DeepClone(),
        };
        return HotlistPayload.ReadFull(JsonSerializer.SerializeToUtf8Bytes(payload), path).Entries;
    }

    /// <summary>Plates whose entries changed or are new (all their entries upserted), and plates no longer listed.</summary>
    private static (List<HotlistEntry> Upserts, List<string> Removals) Difference(IReadOnlyList<HotlistEntry> before, IReadOnlyList<HotlistEntry> after)
    {
        var old = before.ToLookup(e => e.Plate, StringComparer.Ordinal);
        var now = after.ToLookup(e => e.Plate, StringComparer.Ordinal);
        var upserts = now.Where(g => !old[g.Key].SequenceEqual(g)).SelectMany(g => g).ToList();
        var removals = old.Select(g => g.Key).Where(plate => !now.Contains(plate)).ToList();
        return (upserts, removals);
    }
}
