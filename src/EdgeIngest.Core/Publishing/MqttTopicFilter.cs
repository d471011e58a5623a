namespace EdgeIngest.Publishing;

/// <summary>MQTT topic filter matching (<c>+</c> one level, <c>#</c> the rest), to route received messages to their subscription's handler.</summary>
public static class MqttTopicFilter
{
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        var filterLevels = filter.Split('/');
        var topicLevels = topic.Split('/');
        for (var i = 0; i < filterLevels.Length; i++)
        {
            if (filterLevels[i] == "#")
            {
                return true;
            }

            if (i >= topicLevels.Length || (filterLevels[i] != "+" && filterLevels[i] != topicLevels[i]))
            {
                return false;
            }
        }

        return filterLevels.Length == topicLevels.Length;
    }
}
