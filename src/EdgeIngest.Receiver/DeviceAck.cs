namespace EdgeIngest.Receiving;

/// <summary>What the receiver confirms to a device once a message is stored: the device and the message's <see cref="Events.AckKeys"/> key.</summary>
public readonly record struct DeviceAck(string DeviceId, string Key);
