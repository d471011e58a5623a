using System.Threading.Channels;
using EdgeIngest.Interop.Mqtt;

namespace EdgeIngest.Tests.Mqtt;

/// <summary>Bounded waits on what a subscriber received, so no test can hang.</summary>
internal static class ReceivedMessages
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<MqttReceivedMessage> NextAsync(this ChannelReader<MqttReceivedMessage> messages)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Patience);
        return await messages.ReadAsync(limit.Token);
    }

    /// <summary>True when nothing arrives within <paramref name="quietPeriod"/>.</summary>
    public static async Task<bool> StaysEmptyAsync(this ChannelReader<MqttReceivedMessage> messages, TimeSpan quietPeriod)
    {
        using var limit = new CancellationTokenSource(quietPeriod);
        try
        {
            await messages.WaitToReadAsync(limit.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}
