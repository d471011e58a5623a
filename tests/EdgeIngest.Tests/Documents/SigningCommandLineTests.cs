using System.Threading.Channels;
using EdgeIngest.Hotlists;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Signing;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Delivery;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Mqtt;
using EdgeIngest.Tests.Receiving;

namespace EdgeIngest.Tests.Documents;

/// <summary>The agency's signing commands, run as the real CLI.</summary>
public sealed class SigningCommandLineTests(AgencyPki pki) : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeingest-signing-cli-").FullName;

    [Fact]
    public async Task Keygen_Then_Sign_Makes_A_List_The_Device_Key_Verifies_And_The_Private_Key_Is_Owner_Only()
    {
        var keys = Path.Combine(_dir, "keys");
        File.WriteAllText(Path.Combine(_dir, "list.csv"), "plate,category,reason,priority,region,expires_at,covert\n7ABC123,stolen_vehicle,Stolen,critical,CA,2026-12-31,true\n");

        var keygen = await RunAsync("hotlist", "keygen", "--out", keys);
        var sign = await RunAsync("hotlist", "sign", "--key", Path.Combine(keys, "agency-signing-key.pem"), "--in", Path.Combine(_dir, "list.csv"), "--version", "7", "--out", Path.Combine(_dir, "list.signed.json"));
        var again = await RunAsync("hotlist", "keygen", "--out", keys);

        Assert.Equal((0, 0, 3), (keygen.ExitCode, sign.ExitCode, again.ExitCode));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, "agency-signing-key.pem")));
        }

        using var key = AgencyPublicKey.Load(Path.Combine(keys, "agency-public-key.pem"));
        var list = HotlistPayload.ReadFull(key.Verify(File.ReadAllBytes(Path.Combine(_dir, "list.signed.json")), SignedDocumentTypes.Hotlist, "signed"), "signed");
        Assert.Equal(7, list.Version);
        Assert.True(Assert.Single(list.Entries).Covert);
        Assert.Contains("refusing to replace", again.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list.csv", "plate,category,reason\n7ABC123,stolen_vehicle,Stolen\nAB12,parking,x\n", "list.csv:3: category 'parking' of plate AB12")]
    [InlineData("list.json", """{"entries":[{"plate":"7ABC123","category":"bolo","reason":"x","covert":"yes"}]}""", "entries[0].covert: \"yes\" — expected true or false")]
    public async Task Sign_Exits_3_Naming_The_Line_Or_Field_Of_A_Bad_Entry(string name, string content, string expected)
    {
        File.WriteAllText(Path.Combine(_dir, name), content);
        File.WriteAllText(Path.Combine(_dir, "key.pem"), TestAgency.Key.PrivateKeyPem());

        var sign = await RunAsync("hotlist", "sign", "--key", Path.Combine(_dir, "key.pem"), "--in", Path.Combine(_dir, name), "--version", "2", "--out", Path.Combine(_dir, "out.json"));

        Assert.Equal(3, sign.ExitCode);
        Assert.Contains(expected, sign.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out.json")));
    }

    [Fact]
    public async Task Agreement_Sign_Exits_3_Naming_The_Field()
    {
        File.WriteAllText(Path.Combine(_dir, "key.pem"), TestAgency.Key.PrivateKeyPem());
        File.WriteAllText(Path.Combine(_dir, "agreement.yaml"), "agreement_id: a1\nversion: 1\nagency: Sheriff\nallowed_categories: [stolen_vehicle]\nsharing_policy: all_reads\nretention_days: {reads: 7, hits: 90}\nvalid_from: 2026-01-01T00:00:00Z\nvalid_until: 2027-01-01T00:00:00Z\n");

        var sign = await RunAsync("agreement", "sign", "--key", Path.Combine(_dir, "key.pem"), "--in", Path.Combine(_dir, "agreement.yaml"), "--out", Path.Combine(_dir, "a.json"));

        Assert.Equal(3, sign.ExitCode);
        Assert.Contains("retention_days.evidence: missing", sign.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Leaves_The_Signed_List_Retained_On_The_Devices_Topic_With_The_Receivers_Identity()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        var receiverConfig = AgencyDevice.WriteReceiverConfig(broker, pki, Path.Combine(_dir, "agency"));
        var signed = TestAgency.SignHotlist("7ABC123,Stolen,high\n", 3);
        File.WriteAllBytes(Path.Combine(_dir, "list.signed.json"), signed);

        var publish = await RunAsync("hotlist", "publish", "--config", receiverConfig, "--device", AgencyPki.DeviceA, Path.Combine(_dir, "list.signed.json"));
        var none = await RunAsync("hotlist", "publish", "--config", receiverConfig, "--all", Path.Combine(_dir, "list.signed.json"));

        Assert.True(publish.ExitCode == 0, publish.StandardError);
        Assert.Equal(3, none.ExitCode);
        Assert.Contains("heard from no device", none.StandardError, StringComparison.Ordinal);
        await using var device = await DeviceConnection.ConnectAsync(broker, pki, AgencyPki.DeviceA);
        var received = Channel.CreateUnbounded<MqttReceivedMessage>();
        device.MessageReceived += (_, message) => received.Writer.TryWrite(message);
        await device.SubscribeAsync($"edgeingest/{AgencyPki.DeviceA}/hotlist", 1, TestContext.Current.CancellationToken);
        var retained = await received.Reader.NextAsync();
        Assert.Equal(signed, retained.Payload);
    }

    private static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Cli, .. arguments], TimeSpan.FromSeconds(60));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
