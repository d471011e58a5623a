namespace EdgeIngest.Configuration;

/// <summary>Who this appliance is to the agency: its id names its MQTT topics.</summary>
public sealed class DeviceConfig
{
    public string Id { get; set; } = "";
}
