using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Tests.BrokerAcl;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Receiving;

/// <summary>A device's MQTT connection to the agency broker, with its enrollment certificate.</summary>
internal static class DeviceConnection
{
    public static async Task<MqttNetClient> ConnectAsync(MosquittoBroker broker, AgencyPki pki, string deviceId)
    {
        var client = new MqttNetClient(AgencyBroker.Device(broker, pki, deviceId));
        try
        {
            await client.ConnectAsync(TestContext.Current.CancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static Task PublishAsync(this IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(topic, payload, 1, retain: false, TestContext.Current.CancellationToken);
}
