namespace EdgeIngest.Tests.Infrastructure;

/// <summary>
/// A throw-away CA with a server certificate for 127.0.0.1/localhost and a client certificate,
/// all PEM, made with openssl (EC P-256 keys: quick to generate).
/// </summary>
public sealed class TestCertificates
{
    private static readonly TimeSpan OpensslTimeout = TimeSpan.FromSeconds(20);

    private TestCertificates(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string CaCertificate => Path.Combine(Directory, "ca.crt");

    public string ServerCertificate => Path.Combine(Directory, "server.crt");

    public string ServerKey => Path.Combine(Directory, "server.key");

    public string ClientCertificate => Path.Combine(Directory, "client.crt");

    public string ClientKey => Path.Combine(Directory, "client.key");

    /// <summary>The client certificate's common name, which the broker uses as the username.</summary>
    public string ClientName => "edge-test-client";

    public static async Task<TestCertificates> CreateAsync(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var certificates = new TestCertificates(directory);
        await Openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=EdgeIngest Test CA");
        await File.WriteAllTextAsync(Path.Combine(directory, "server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        await certificates.IssueAsync("server", "127.0.0.1", "server.ext");
        await certificates.IssueAsync("client", certificates.ClientName, extensionsFile: null);
        return certificates;
    }

    private async Task IssueAsync(string name, string commonName, string? extensionsFile)
    {
        await Openssl(Directory, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", $"{name}.key", "-out", $"{name}.csr", "-subj", $"/CN={commonName}");
        string[] sign = ["x509", "-req", "-in", $"{name}.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", $"{name}.crt", "-days", "2"];
        await Openssl(Directory, extensionsFile is null ? sign : [.. sign, "-extfile", extensionsFile]);
    }

    private static Task Openssl(string directory, params string[] arguments) =>
        ProcessRunner.RunCheckedAsync("openssl", arguments, OpensslTimeout, directory);
}
