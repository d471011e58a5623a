using EdgeIngest.Events;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;
using EdgeIngest.Tests.Outbox;
using EdgeIngest.Tests.Receiving;

namespace EdgeIngest.Tests.Delivery;

/// <summary>
/// Device A's delivery path as the service builds it (durable outbox, sender waiting for the
/// receiver's end-to-end acknowledgement, agency connection over mutual TLS to the deployed
/// broker), with a short confirm timeout so that a test need not wait the default 30 s.
/// </summary>
internal sealed class AgencyDevice : IAsyncDisposable
{
    private readonly OutboxFolder _folder = new();

    private AgencyDevice(MosquittoBroker broker, AgencyPki pki, DeliveryConfirmation confirmation)
    {
        var logger = _folder.Logs.CreateLogger("EdgeIngest.Events");
        Outbox = DurableOutbox.Open(
            new OutboxOptions { FilePath = _folder.FilePath, ConfirmTimeout = TimeSpan.FromSeconds(3), ConfirmTimeoutMax = TimeSpan.FromSeconds(6) },
            Topics,
            logger);
        Connection = new AgencyConnection(Options(broker, pki), Topics, logger);
        Sender = new OutboxSender(Outbox, Connection, logger) { Confirmation = confirmation };
    }

    public static TopicLayout Topics { get; } = new("edgeingest", AgencyPki.DeviceA);

    public DurableOutbox Outbox { get; }

    public AgencyConnection Connection { get; }

    public OutboxSender Sender { get; }

    public InMemoryLoggerProvider Logs => _folder.Logs;

    public static AgencyDevice Start(MosquittoBroker broker, AgencyPki pki, DeliveryConfirmation confirmation = DeliveryConfirmation.Receiver)
    {
        var device = new AgencyDevice(broker, pki, confirmation);
        device.Connection.Start();
        device.Sender.Start();
        return device;
    }

    /// <summary>Queues one hit as the appliance does; returns its event id.</summary>
    public string QueueHit()
    {
        var hit = DevicePayloads.Hit(AgencyPki.DeviceA);
        Outbox.Enqueue(new OutgoingMessage(Topics.Hits, DevicePayloads.Json(hit), hit.EventId));
        return hit.EventId;
    }

    public static MqttOptions Options(MosquittoBroker broker, AgencyPki pki) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = AgencyPki.DeviceA,
        UseTls = true,
        CaFile = pki.CaCertificate,
        ClientCertificateFile = pki.DeviceCertificate(AgencyPki.DeviceA),
        ClientKeyFile = pki.DeviceKey(AgencyPki.DeviceA),
        ConnectTimeoutSeconds = 5,
    };

    /// <summary>The receiver's configuration for the real <c>edgeingest receive</c> process.</summary>
    public static string WriteReceiverConfig(MosquittoBroker broker, AgencyPki pki, string output)
    {
        var path = Path.Combine(broker.Directory, "receiver.yaml");
        File.WriteAllText(path, $"""
            broker:
              host: {broker.Host}
              port: {broker.Port}
              client_id: agency-receiver-delivery-test
              tls:
                ca_file: {pki.CaCertificate}
                cert_file: {pki.ReceiverCertificate}
                key_file: {pki.ReceiverKey}
            output_directory: {output}
            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.DisposeAsync();
        await Connection.DisposeAsync();
        Outbox.Dispose();
        _folder.Dispose();
    }
}
