using EdgeIngest.Agreements;
using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;
using EdgeIngest.Signing;

namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// The agency's side of signing, for tests: one real P-256 key pair for the test run, and the
/// signed hotlists and agreements a device configuration needs (<c>hotlist.file</c> is a signed
/// file since issue 18). <see cref="Stranger"/> is another key, for "signed by someone else".
/// </summary>
internal static class TestAgency
{
    /// <summary>The signed hotlist's file name in a workspace, as the configuration names it.</summary>
    public const string HotlistFile = "hotlist.signed.json";

    public const string PublicKeyFile = "agency-public-key.pem";

    /// <summary>What every test configuration adds: the two keys naming these files (top level, no indentation).</summary>
    public const string ConfigYaml = $"""
        hotlist:
          file: {HotlistFile}
        agency:
          public_key_file: {PublicKeyFile}
        """;

    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    // Fixed keys, not generated: xUnit may build theory data in one process and run the test in
    // another, and a document signed at discovery must verify at execution. Test keys only.
    private const string KeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgReUJbQWStujRjqy2
        QiWhqNo4UZEKEPLG9H34mP5EPiihRANCAASDCk9/Td1Q4PyonQb3gRz50vgheDhp
        BvULLlIpNcOlU1oMFGbDLJsgJnIVp7IWJiUYM8YkNq0dXrhFWmdR5jHq
        -----END PRIVATE KEY-----
        """;

    private const string StrangerPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPZWnuQUeB/ewJSew
        uTuP2plxsRfD64nAfhPIuRtAWZmhRANCAATDrcT7z6XEga2boGYrGTisRLzngAdX
        CgVzLt6g03rOQHczGNMQGLMUscOICiJT5gXxzW4WxL59auIL1hIdRWvJ
        -----END PRIVATE KEY-----
        """;

    public static AgencySigningKey Key { get; } = Load(KeyPem);

    public static AgencySigningKey Stranger { get; } = Load(StrangerPem);

    public static AgencyPublicKey PublicKey() => AgencyPublicKey.FromPem(Key.PublicKeyPem(), "test agency key");

    /// <summary>Writes <see cref="PublicKeyFile"/> and, signed from <paramref name="csv"/>, <see cref="HotlistFile"/> into <paramref name="directory"/>.</summary>
    public static string WriteSignedHotlist(string directory, string csv, long version = 1)
    {
        File.WriteAllText(Path.Combine(directory, PublicKeyFile), Key.PublicKeyPem());
        var path = Path.Combine(directory, HotlistFile);
        File.WriteAllBytes(path, SignHotlist(csv, version));
        return path;
    }

    /// <summary>A signed full hotlist from CSV lines (either header form), as <c>hotlist sign</c> makes it.</summary>
    public static byte[] SignHotlist(string csv, long version, AgencySigningKey? key = null) =>
        SignHotlist(HotlistCsv.Parse(Lines(csv), "test.csv"), version, key);

    public static byte[] SignHotlist(IEnumerable<HotlistEntry> entries, long version, AgencySigningKey? key = null) =>
        (key ?? Key).Sign(SignedDocumentTypes.Hotlist, HotlistPayloadWriter.Full(version, IssuedAt, entries)).ToJson();

    public static byte[] SignDelta(long version, long baseVersion, string upsertsCsv, IEnumerable<string> removals, AgencySigningKey? key = null) =>
        (key ?? Key).Sign(SignedDocumentTypes.HotlistDelta, HotlistPayloadWriter.Delta(version, baseVersion, IssuedAt, HotlistCsv.Parse(Lines(upsertsCsv), "delta.csv"), removals)).ToJson();

    public static SharingAgreement Agreement(long version, params string[] allowed) => new(
        "agr-test",
        version,
        "Test County Sheriff",
        new HashSet<string>(allowed.Length == 0 ? [HotlistCategories.StolenVehicle] : allowed, StringComparer.Ordinal),
        SharingPolicy.HitsOnly,
        new RetentionDays(7, 90, 30),
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static byte[] SignAgreement(SharingAgreement agreement, AgencySigningKey? key = null) =>
        (key ?? Key).Sign(SignedDocumentTypes.Agreement, AgreementPayload.Write(agreement)).ToJson();

    private static AgencySigningKey Load(string pem)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, pem);
            return AgencySigningKey.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
