using System.Collections.Concurrent;
using System.Text;
using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;
using EdgeIngest.Pipeline;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.EndToEnd;

/// <summary>
/// The data-sharing agreement enforced at the edge, watched from the broker: a subscriber on
/// <c>#</c> sees everything any client publishes. The demo camera shows six plates in turn; the
/// hotlist lists one under a category the agreement allows and one under a category it does not.
/// Only the allowed hit may reach the broker: not the refused one, and no read that is not a hit.
/// </summary>
public sealed class AgreementEnforcementTests(DemoCamerasFixture cameras) : IClassFixture<DemoCamerasFixture>
{
    private const string Allowed = "7ABC123";
    private const string Refused = "KXT4821";
    private static readonly string[] NotListed = ["8GHJ552", "LPR2024", "3MNO987", "TRK5150"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Under_Hits_Only_Nothing_But_Allowed_Hits_Reaches_The_Broker_And_A_Refused_Category_Is_Only_Counted()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workspace = new ApplianceWorkspace($"""
            plate,category,reason,priority
            {Allowed},stolen_vehicle,Stolen vehicle,high
            {Refused},bolo,Be on the lookout,medium
            """);
        workspace.WriteSignedAgreement(TestAgency.Agreement(1, HotlistCategories.StolenVehicle));
        var config = ConfigLoader.Load(workspace.WriteConfig(broker.Port, [("entrance", cameras.Simulator.UrlFor("/cam1"))]));
        config.Clips.Enabled = false;

        var seen = new ConcurrentQueue<(string Topic, string Text)>();
        await using var everything = await MqttSubscriber.ConnectAsync(broker.ClientOptions("watcher"), "#", 1, TestContext.Current.CancellationToken);
        var watching = WatchAsync(everything, seen);
        using var logs = new InMemoryLoggerProvider();
        using var loggers = logs.CreateFactory();
        await using var appliance = Appliance.Create(config, loggers);
        using var stop = new CancellationTokenSource();
        var running = appliance.RunAsync(stop.Token);

        // Every plate of the clip once: the allowed hit sent, the refused one withheld, the rest read.
        await Eventually.HoldsAsync(
            () => appliance.Router.Hits >= 1 && appliance.Router.Withheld >= 1 && appliance.Router.Reads >= 6 && seen.Any(m => m.Topic.EndsWith("/hits", StringComparison.Ordinal)),
            Patience,
            () => $"reads {appliance.Router.Reads}, hits {appliance.Router.Hits}, withheld {appliance.Router.Withheld}; topics seen: {string.Join(", ", seen.Select(m => m.Topic).Distinct())}");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        var messages = seen.ToArray();
        Assert.Contains(messages, m => m.Topic == "edgeingest/test-device/hits" && m.Text.Contains(Allowed, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Topic.EndsWith("/reads", StringComparison.Ordinal));
        foreach (var plate in NotListed.Append(Refused))
        {
            Assert.DoesNotContain(messages, m => m.Text.Contains(plate, StringComparison.Ordinal));
        }

        // The box kept what it did not send: the reads, and the refused match counted (not as a hit).
        var kept = appliance.Records.Store.Contents();
        Assert.True(kept.Reads >= 6, $"the box recorded {kept.Reads} reads");
        Assert.Equal(appliance.Router.Hits, kept.Hits);

        // Each hit that left is a disclosure in the audit, and nothing else is.
        var records = AuditReader.ReadRecords(AuditPaths.Under(config.Storage.Directory)).ToList();
        var disclosures = records.Where(r => r.Kind == AuditKinds.Disclosure).ToList();

        // The configured agreement is audited with what it states, as one from the topic is.
        var accepted = Assert.Single(records, r => r.Kind == AuditKinds.AgreementAccepted);
        Assert.Equal(("agr-test", "Test County Sheriff", "reads 7, hits 90, evidence 30"), (accepted.Field("agreement_id"), accepted.Field("agency"), accepted.Field("retention_days")));
        Assert.Equal(appliance.Router.Hits, disclosures.Count);
        Assert.All(disclosures, d => Assert.Equal(Allowed, d.Field(AuditFields.ListedPlate)));
        await watching.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static async Task WatchAsync(MqttSubscriber subscriber, ConcurrentQueue<(string Topic, string Text)> seen)
    {
        try
        {
            await foreach (var message in subscriber.Messages.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                seen.Enqueue((message.Topic, Encoding.UTF8.GetString(message.Payload)));
            }
        }
        catch (OperationCanceledException)
        {
            // The test is over.
        }
    }
}
