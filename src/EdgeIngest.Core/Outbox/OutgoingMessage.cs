namespace EdgeIngest.Outbox;

/// <summary>An event on its way to the agency: where it goes, what it says, and its id for the logs.</summary>
public sealed record OutgoingMessage(string Topic, byte[] Payload, string EventId);
