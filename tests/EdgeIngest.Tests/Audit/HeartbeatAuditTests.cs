using System.Text.Json;
using EdgeIngest.Audit;
using EdgeIngest.Pipeline;
using EdgeIngest.Tests.Outbox;

namespace EdgeIngest.Tests.Audit;

/// <summary>The heartbeat carries the audit chain's head, so the agency holds checkpoints a rewritten log cannot match.</summary>
public sealed class HeartbeatAuditTests
{
    [Fact]
    public void The_Heartbeat_Carries_The_Chain_Head_That_Verify_Accepts_As_A_Checkpoint()
    {
        using var audit = new AuditFolder();
        using var outboxFolder = new OutboxFolder();
        using var outbox = outboxFolder.Open();
        using var log = audit.Open();
        log.Append(AuditKinds.ServiceStarted, []);
        var head = log.Append(AuditKinds.Disclosure, [new(AuditFields.EventId, "e1")]);
        var builder = new HeartbeatBuilder("gate-01", () => [], outbox, audit.Storage, TimeProvider.System, log);

        using var heartbeat = JsonDocument.Parse(builder.BuildPayload());

        var field = heartbeat.RootElement.GetProperty("audit");
        Assert.Equal("edgeingest.heartbeat/1", heartbeat.RootElement.GetProperty("schema").GetString());
        Assert.Equal(2, field.GetProperty("seq").GetInt64());
        Assert.Equal(head, field.GetProperty("head").GetString());
        Assert.True(field.GetProperty("intact").GetBoolean());
        var checkpoint = AuditHead.TryParse($"{field.GetProperty("seq").GetInt64()}:{field.GetProperty("head").GetString()}");
        Assert.True(audit.Verify(checkpoint).Intact);
    }

    [Fact]
    public void Without_An_Audit_Log_The_Heartbeat_Says_Null()
    {
        using var outboxFolder = new OutboxFolder();
        using var outbox = outboxFolder.Open();
        var builder = new HeartbeatBuilder("gate-01", () => [], outbox, outboxFolder.Directory, TimeProvider.System);

        using var heartbeat = JsonDocument.Parse(builder.BuildPayload());

        Assert.Equal(JsonValueKind.Null, heartbeat.RootElement.GetProperty("audit").ValueKind);
    }
}
