using System.Text.Json;
using EdgeIngest.Enrollment;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Receiving;

namespace EdgeIngest.Tests.Enrollment;

/// <summary>
/// An enrolled device on the deployed agency broker (mutual TLS, the ACL): the certificate
/// <c>enroll create</c> issued gets it in, its registration reaches the receiver's registry, and
/// no other device can write it.
/// </summary>
public sealed class RegistrationPublishTests(AgencyPki pki) : IDisposable
{
    private const string DeviceId = "dev-enrolled";
    private readonly EnrollmentWorkspace _workspace = new(pki);

    [Fact]
    public async Task An_Enrolled_Device_Publishes_Its_Registration_On_Connect_And_The_Receiver_Keeps_It_While_Other_Devices_Cannot_Write_It()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var bundle = EnrollmentCreator.Create(_workspace.Request(DeviceId, broker: $"{broker.Host}:{broker.Port}"), DateTimeOffset.UtcNow);
        EnrollmentApplier.Apply(_workspace.WriteBundle(bundle), _workspace.ConfigFile, DateTimeOffset.UtcNow);
        await using var receiver = await RunningReceiver.StartAsync(AgencyBroker.Receiver(broker, pki, Path.Combine(broker.Directory, "out")));
        await using var other = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);

        using var logs = new InMemoryLoggerProvider();
        var topics = new TopicLayout("edgeingest", DeviceId);
        await using var connection = new AgencyConnection(EnrolledOptions(bundle), topics, logs.CreateLogger("EdgeIngest.Events"));
        var registrationFile = Path.Combine(_workspace.ConfigDirectory, EnrollmentFiles.Registration);
        connection.PublishOnConnect(topics.Registration, RegistrationJson.Write(RegistrationJson.ReadFile(registrationFile), indented: false));
        connection.Start();
        var forging = await Assert.ThrowsAsync<MqttException>(() => other.PublishAsync(topics.Registration, "{}"u8.ToArray()));

        var stored = Path.Combine(receiver.Output, "devices", DeviceId, "registration.json");
        await Eventually.HoldsAsync(() => File.Exists(stored), TimeSpan.FromSeconds(20), receiver.Describe);
        using var registration = JsonDocument.Parse(File.ReadAllBytes(stored));
        var root = registration.RootElement;
        Assert.Equal(("edgeingest.registration/1", DeviceId, EnrollmentWorkspace.Property), (root.GetProperty("schema").GetString(), root.GetProperty("device_id").GetString(), root.GetProperty("business_name").GetString()));
        Assert.Equal("facing Main St, northbound", root.GetProperty("cameras")[0].GetProperty("view_direction").GetString());
        Assert.Contains("Not authorized", forging.Message, StringComparison.Ordinal);
        Assert.Equal(0, receiver.Counters.RejectedMessages);
    }

    /// <summary>The connection the service would build from the applied configuration's files.</summary>
    private MqttOptions EnrolledOptions(EnrollmentBundle bundle) => new()
    {
        Host = bundle.BrokerHost,
        Port = bundle.BrokerPort,
        ClientId = DeviceId,
        UseTls = true,
        CaFile = Path.Combine(_workspace.ConfigDirectory, EnrollmentFiles.AgencyCa),
        ClientCertificateFile = Path.Combine(_workspace.ConfigDirectory, EnrollmentFiles.DeviceCertificate),
        ClientKeyFile = Path.Combine(_workspace.ConfigDirectory, EnrollmentFiles.DeviceKey),
        ConnectTimeoutSeconds = 5,
    };

    public void Dispose() => _workspace.Dispose();
}
