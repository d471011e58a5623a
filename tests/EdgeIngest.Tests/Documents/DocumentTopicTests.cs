using System.Text.Json;
using System.Threading.Channels;
using EdgeIngest.Documents;
using EdgeIngest.Events;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Signing;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Commands;
using EdgeIngest.Tests.Delivery;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Mqtt;

namespace EdgeIngest.Tests.Documents;

/// <summary>
/// Signed hotlists as retained messages on the deployed agency broker (mutual TLS, the ACL from
/// deploy/agency-broker): published by the receiver's identity while the device is away, taken
/// when it connects, and answered on command-results.
/// </summary>
public sealed class DocumentTopicTests(AgencyPki pki)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Retained_Hotlist_Published_While_The_Device_Was_Away_Is_Taken_On_Connect_And_A_Forged_One_Is_Refused()
    {
        await using var broker = await AgencyBroker.StartAsync(pki);
        using var workspace = new CommandWorkspace(deviceId: AgencyPki.DeviceA);
        var topics = new TopicLayout("edgeingest", AgencyPki.DeviceA);
        await using var agency = new MqttNetClient(AgencyBroker.Device(broker, pki, AgencyPki.DeviceA) with
        {
            ClientId = "agency-publisher",
            CertificateFile = pki.ReceiverCertificate,
            KeyFile = pki.ReceiverKey,
        });
        var answers = Channel.CreateUnbounded<JsonElement>();
        agency.MessageReceived += (_, message) => answers.Writer.TryWrite(JsonDocument.Parse(message.Payload).RootElement.Clone());
        await agency.ConnectAsync(Cancellation);
        await agency.SubscribeAsync(topics.CommandResults, 1, Cancellation);
        await agency.PublishAsync(topics.Hotlist, TestAgency.SignHotlist("plate,category,reason,priority\nNEW666,stolen_plate,Stolen plate,high\n", 6), 1, retain: true, Cancellation);

        var logger = workspace.Logs.CreateLogger("EdgeIngest.Documents");
        using var outbox = DurableOutbox.Open(new OutboxOptions { FilePath = Path.Combine(workspace.Root, OutboxOptions.FileName) }, topics, logger);
        await using var connection = new AgencyConnection(AgencyDevice.Options(broker, pki), topics, logger);
        await using var sender = new OutboxSender(outbox, connection, logger) { Confirmation = DeliveryConfirmation.Broker };
        await using var inbox = new DocumentInbox(workspace.Reception, outbox, topics, logger);
        connection.SubscribeOnConnect(topics.Hotlist, 1, inbox.OnHotlistMessage);
        inbox.Start();
        connection.Start();
        sender.Start();

        var accepted = await answers.Reader.ReadAsync(Cancellation).AsTask().WaitAsync(Patience, Cancellation);
        Assert.True(accepted.GetProperty("ok").GetBoolean(), accepted.ToString());
        Assert.Equal(("hotlist", 6L, AgencyPki.DeviceA), (accepted.GetProperty("document").GetString(), accepted.GetProperty("version").GetInt64(), accepted.GetProperty("device_id").GetString()));
        Assert.Equal(6, workspace.Hotlists.Current.Version);
        Assert.NotNull(workspace.Hotlists.Match("NEW666"));

        var genuine = SignedDocument.Parse(TestAgency.SignHotlist("NEW777,Stolen,high\n", 7), "x");
        var forged = genuine with { Payload = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(genuine.Payload).Replace("NEW777", "OWN777", StringComparison.Ordinal)) };
        await agency.PublishAsync(topics.Hotlist, forged.ToJson(), 1, retain: true, Cancellation);

        var refused = await answers.Reader.ReadAsync(Cancellation).AsTask().WaitAsync(Patience, Cancellation);
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal((RejectionReasons.Forged, 6L), (refused.GetProperty("reason").GetString(), refused.GetProperty("in_force_version").GetInt64()));
        Assert.Equal(6, workspace.Hotlists.Current.Version);
        Assert.Null(workspace.Hotlists.Match("OWN777"));
        Assert.Equal(["hotlist_accepted", "hotlist_rejected"], workspace.Audit.Records.Where(r => r.Fields["channel"] == "hotlist_topic").Select(r => r.Kind));
    }
}
