using EdgeIngest.Receiving.Topics;

namespace EdgeIngest.Tests.Receiving;

public sealed class DeviceTopicTests
{
    [Theory]
    [InlineData("edgeingest/gate-01/hits", TopicKind.Hit)]
    [InlineData("edgeingest/gate-01/reads", TopicKind.Read)]
    [InlineData("edgeingest/gate-01/status", TopicKind.Status)]
    [InlineData("edgeingest/gate-01/heartbeat", TopicKind.Heartbeat)]
    [InlineData("edgeingest/gate-01/drops", TopicKind.Drop)]
    [InlineData("edgeingest/gate-01/command-results", TopicKind.CommandResult)]
    public void Each_Device_Topic_Is_Recognised_With_Its_Device(string topic, TopicKind kind)
    {
        Assert.True(DeviceTopic.TryParse("edgeingest", topic, out var parsed, out var problem), problem);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal("gate-01", parsed.DeviceId);
    }

    [Fact]
    public void Clip_Topics_Carry_A_Normalized_Event_Id_And_The_Chunk_Number()
    {
        Assert.True(DeviceTopic.TryParse("edgeingest", "edgeingest/gate-01/clips/019AA5F2-6A10-7C3E-9F1D-3B7D2C9E4A11/chunks/7", out var chunk, out _));
        Assert.True(DeviceTopic.TryParse("edgeingest", "edgeingest/gate-01/clips/019aa5f2-6a10-7c3e-9f1d-3b7d2c9e4a11/manifest", out var manifest, out _));

        Assert.Equal(new DeviceTopic(TopicKind.ClipChunk, "gate-01", "019aa5f2-6a10-7c3e-9f1d-3b7d2c9e4a11", 7), chunk);
        Assert.Equal(new DeviceTopic(TopicKind.ClipManifest, "gate-01", "019aa5f2-6a10-7c3e-9f1d-3b7d2c9e4a11"), manifest);
    }

    [Theory]
    [InlineData("other/gate-01/hits", "not a device topic")]
    [InlineData("edgeingest/../hits", "device id '..'")]
    [InlineData("edgeingest/gate-01/commands", "unknown topic 'commands'")]
    [InlineData("edgeingest/gate-01/hits/extra", "unknown topic 'hits/extra'")]
    [InlineData("edgeingest/gate-01/clips/x/manifest", "'x' in the topic is not a UUID")]
    [InlineData("edgeingest/gate-01/clips/019aa5f2-6a10-7c3e-9f1d-3b7d2c9e4a11/chunks/-1", "unknown clip topic")]
    [InlineData("edgeingest/gate-01/clips/019aa5f2-6a10-7c3e-9f1d-3b7d2c9e4a11/chunks/65536", "unknown clip topic")]
    public void Anything_Else_Is_Refused_With_The_Reason(string topic, string expected)
    {
        Assert.False(DeviceTopic.TryParse("edgeingest", topic, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
