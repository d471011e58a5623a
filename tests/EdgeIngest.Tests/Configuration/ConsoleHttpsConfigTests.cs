using EdgeIngest.Configuration;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Configuration;

/// <summary><c>console.https</c>: auto makes a certificate only off loopback; a wrong value or a contradiction is named.</summary>
public sealed class ConsoleHttpsConfigTests : IDisposable
{
    private const string ValidYaml = """
        device:
          id: gate-01
        cameras:
          - id: entrance
            url: rtsp://viewer:s3cret@10.0.0.5:554/stream1
        broker:
          host: broker.agency.example
          port: 8883
        hotlist:
          file: hotlist.signed.json
        agency:
          public_key_file: agency-public-key.pem
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("edgeingest-console-https-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("listen: 127.0.0.1:8080", false)]
    [InlineData("listen: '[::1]:8080'", false)]
    [InlineData("listen: 0.0.0.0:8443", true)]
    [InlineData("listen: 192.0.2.7:8443", true)]
    [InlineData("listen: 127.0.0.1:8443\n  https: on", true)]
    [InlineData("listen: 0.0.0.0:8080\n  https: off", false)]
    public void Auto_Generates_A_Certificate_Only_Off_Loopback_And_On_And_Off_Say_So(string console, bool generated)
    {
        var config = ConfigLoader.Load(Write(ValidYaml + $"\nconsole:\n  {console}\n"));

        Assert.Equal(generated, config.Console.UsesGeneratedCertificate);
    }

    [Theory]
    [InlineData("https: maybe", "console.https: 'maybe' — expected 'auto'")]
    [InlineData("https: 'off'\n  cert_file: console.crt\n  key_file: console.key", "console.https: 'off' — but console.cert_file is set")]
    public void A_Wrong_Https_Setting_Is_Named_With_Its_Value(string console, string expected)
    {
        File.WriteAllText(Path.Combine(_dir, "console.crt"), "");
        File.WriteAllText(Path.Combine(_dir, "console.key"), "");

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Write(ValidYaml + $"\nconsole:\n  {console}\n")));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Owners_Certificate_Wins_Over_A_Generated_One()
    {
        File.WriteAllText(Path.Combine(_dir, "console.crt"), "");
        File.WriteAllText(Path.Combine(_dir, "console.key"), "");

        var config = ConfigLoader.Load(Write(ValidYaml + "\nconsole:\n  listen: 0.0.0.0:8443\n  cert_file: console.crt\n  key_file: console.key\n"));

        Assert.False(config.Console.UsesGeneratedCertificate);
    }

    private string Write(string yaml)
    {
        TestAgency.WriteSignedHotlist(_dir, "plate,reason,priority\nABC123,Stolen,high\n");
        var path = Path.Combine(_dir, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
