using EdgeIngest.Events;

namespace EdgeIngest.Tests.Footage;

/// <summary>
/// The keys the receiver confirms footage by must lead the device's outbox to the right lane:
/// status events to the event lane by event id, manifest and chunks to the clip lane by topic.
/// </summary>
public sealed class FootageAckKeyTests
{
    [Theory]
    [InlineData("footage/fr-1/manifest")]
    [InlineData("footage/fr-2026.12.06_1/gate/0/chunks/3")]
    public void A_Footage_Manifest_Or_Chunk_Key_Is_A_Clip_Lane_Topic(string key)
    {
        Assert.True(AckKeys.TryParse(key, out var relative, out var eventId));
        Assert.Equal((key, null), (relative, eventId));
    }

    [Fact]
    public void A_Footage_Status_Key_Is_An_Event_Key()
    {
        Assert.True(AckKeys.TryParse("footage-status/019b0000-0000-7000-8000-000000000001", out var relative, out var eventId));
        Assert.Equal(("footage-status", "019b0000-0000-7000-8000-000000000001"), (relative, eventId));
        Assert.False(AckKeys.TryParse("footage/", out _, out _));
    }
}
