using System.Text;

namespace EdgeIngest.Interop.Mqtt;

/// <summary>MQTT 5 reason codes as words for messages, worded like mosquitto's reason strings: <c>NotAuthorized</c> (0x87) becomes "Not authorized (0x87)".</summary>
internal static class MqttReasonText
{
    public static string Of<TReason>(TReason reason)
        where TReason : struct, Enum
    {
        var name = reason.ToString();
        var words = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? c : char.ToLowerInvariant(c));
        }

        return $"{words} (0x{Convert.ToInt32(reason, System.Globalization.CultureInfo.InvariantCulture):X2})";
    }
}
