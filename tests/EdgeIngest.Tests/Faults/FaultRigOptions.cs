namespace EdgeIngest.Tests.Faults;

/// <summary>How a scenario's rig differs from the default (everything on, ample disk, a direct link).</summary>
internal sealed record FaultRigOptions
{
    /// <summary>The device's <c>storage.outbox_budget_mb</c>: a small one stands in for a full disk.</summary>
    public int OutboxBudgetMb { get; init; } = 256;

    /// <summary>Clip pre- and post-roll: longer clips fill a small budget with fewer hits.</summary>
    public int ClipRollSeconds { get; init; } = 4;

    /// <summary>Puts a <see cref="Infrastructure.LoopbackRelay"/> between the device and the broker.</summary>
    public bool SlowLink { get; init; }

    /// <summary>Starts the receiver with the rest (otherwise a scenario starts it when it wants).</summary>
    public bool ReceiverOnline { get; init; } = true;

    /// <summary>
    /// Footage requests on: a signed agreement in force (the default footage terms), the owner's
    /// console on a loopback port with <see cref="FaultWorkspace.ConsolePassword"/>, and the
    /// continuous recording in data/recordings.
    /// </summary>
    public bool Footage { get; init; }
}
