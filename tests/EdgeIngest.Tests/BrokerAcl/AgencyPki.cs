using EdgeIngest.Installation;
using EdgeIngest.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(EdgeIngest.Tests.BrokerAcl.AgencyPki))]

namespace EdgeIngest.Tests.BrokerAcl;

/// <summary>
/// The agency's certificates for the whole test run, made by the deployed script
/// (deploy/agency-broker/make-certs.sh), so the script is what the tests exercise: a CA, a broker
/// certificate for 127.0.0.1, the receiver's certificate and enrollment bundles for two devices.
/// </summary>
public sealed class AgencyPki : IAsyncLifetime
{
    public const string DeviceA = "dev-a";
    public const string DeviceB = "dev-b";

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("edgeingest-agency-pki-").FullName;

    public static string DeployDirectory => Path.Combine(InstallLayout.Root, "deploy", "agency-broker");

    public static string Script => Path.Combine(DeployDirectory, "make-certs.sh");

    public string CaCertificate => Path.Combine(Directory, "ca.crt");

    public string BrokerCertificate => Path.Combine(Directory, "broker.crt");

    public string BrokerKey => Path.Combine(Directory, "broker.key");

    public string ReceiverCertificate => Path.Combine(Directory, "receiver.crt");

    public string ReceiverKey => Path.Combine(Directory, "receiver.key");

    public string DeviceCertificate(string deviceId) => Path.Combine(Directory, "devices", deviceId, "device.crt");

    public string DeviceKey(string deviceId) => Path.Combine(Directory, "devices", deviceId, "device.key");

    public async ValueTask InitializeAsync() =>
        await ProcessRunner.RunCheckedAsync(Script, ["--out", Directory, "--broker-name", "127.0.0.1", DeviceA, DeviceB], TimeSpan.FromSeconds(60));

    public ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
