using System.Globalization;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.EndToEnd;

/// <summary>A temp folder with a hotlist and an appliance config pointing at test servers; deleted on dispose.</summary>
internal sealed class ApplianceWorkspace : IDisposable
{
    public ApplianceWorkspace(string hotlistCsv)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("edgeingest-e2e-").FullName;
        TestAgency.WriteSignedHotlist(Directory, hotlistCsv);
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "edgeingest.yaml");

    private string AgreementPath => Path.Combine(Directory, "agreement.signed.json");

    /// <summary>Provisions a signed agreement; <see cref="WriteConfig"/> then names it.</summary>
    public void WriteSignedAgreement(Agreements.SharingAgreement agreement) =>
        File.WriteAllBytes(AgreementPath, TestAgency.SignAgreement(agreement));

    /// <summary>
    /// Writes the config; each camera is (id, url). Segments go under this workspace, not the shared
    /// /dev/shm default, because tests run in parallel with the same camera ids.
    /// </summary>
    public string WriteConfig(int brokerPort, IEnumerable<(string Id, string Url)> cameras, string policy = "hits_only", string? modelsDirectory = null)
    {
        var cameraYaml = string.Concat(cameras.Select(c => $"  - id: {c.Id}\n    url: {c.Url}\n    analysis_fps: 5\n    stall_timeout_seconds: 10\n"));
        var models = modelsDirectory is null ? "" : $"recognition:\n  models_directory: {modelsDirectory}\n";
        var agreement = File.Exists(AgreementPath) ? $"agreement:\n  file: {Path.GetFileName(AgreementPath)}\n" : "";
        File.WriteAllText(ConfigPath, string.Create(CultureInfo.InvariantCulture, $"""
            device:
              id: test-device
            cameras:
            {cameraYaml}broker:
              host: 127.0.0.1
              port: {brokerPort}
            hotlist:
              file: hotlist.signed.json
            agency:
              public_key_file: agency-public-key.pem
            sharing:
              policy: {policy}
            clips:
              segment_root: segments
            {models}{agreement}
            """));
        return ConfigPath;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
