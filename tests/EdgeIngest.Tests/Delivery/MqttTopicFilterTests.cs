using EdgeIngest.Publishing;

namespace EdgeIngest.Tests.Delivery;

public sealed class MqttTopicFilterTests
{
    [Theory]
    [InlineData("edgeingest/dev/commands", "edgeingest/dev/commands", true)]
    [InlineData("edgeingest/+/commands", "edgeingest/dev/commands", true)]
    [InlineData("edgeingest/#", "edgeingest/dev/clips/x/chunks/3", true)]
    [InlineData("edgeingest/dev/#", "edgeingest/dev", true)]
    [InlineData("edgeingest/+/commands", "edgeingest/dev/hits", false)]
    [InlineData("edgeingest/dev/commands", "edgeingest/dev/commands/extra", false)]
    [InlineData("edgeingest/+", "edgeingest/dev/commands", false)]
    public void A_Topic_Matches_A_Filter_By_Mqtt_Wildcard_Rules(string filter, string topic, bool matches) =>
        Assert.Equal(matches, MqttTopicFilter.Matches(filter, topic));
}
