namespace EdgeIngest.WebConsole.Views;

/// <summary>One camera on the Cameras page: its id, redacted URL, state and zone in words.</summary>
internal sealed record ConfiguredCamera(string Id, string Url, string State, string Zone);
