using System.Text.Json;
using EdgeIngest.Footage;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Tests.WebConsole;

/// <summary>
/// The console fixture with footage requests on the appliance: the real request store, audit,
/// agreement and outbox, over a <see cref="PictureRecording"/> that holds video from two hours
/// before the start. Requests come in through the store's intake (<see cref="FootageRequests.Receive"/>,
/// what the <c>footage.request</c> command calls), checked as the agency's would be.
/// </summary>
public sealed class FootageConsoleFixture : ConsoleFixture
{
    private FootageRequestStore? _store;

    internal PictureRecording Recording { get; } = new(DateTimeOffset.UtcNow.AddHours(-2));

    internal FootageRequests Requests => Appliance.FootageRequests!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _store = FootageRequestStore.Open(Config.Storage.Directory);
        Appliance.FootageRequests = new FootageRequests(_store, Recording, Appliance.Agreements, Appliance.Records.Audit, Appliance.Outbox, Loggers.CreateLogger("EdgeIngest.Footage"));
    }

    /// <summary>A request for camera <c>entrance</c> and [<paramref name="from"/>, <paramref name="to"/>), taken in as pending (the test fails when it is refused).</summary>
    internal FootageRequest Ask(string requestId, DateTimeOffset from, DateTimeOffset to, string caseNumber = "2026-004512", string? note = "white van, rear door")
    {
        var command = JsonSerializer.SerializeToElement(new
        {
            schema = "edgeingest.command/1",
            command_id = requestId,
            type = "footage.request",
            footage = new
            {
                case_number = caseNumber,
                reason_code = "burglary",
                officer = "Det. A. Ruiz #4411",
                cameras = new[] { PictureRecording.Camera },
                from = from.ToString("O"),
                to = to.ToString("O"),
                note,
            },
        });
        var intake = Requests.Receive(requestId, command);
        Assert.True(intake.Ok, $"the footage request {requestId} was refused: {intake.Message}");
        return Requests.Get(requestId)!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _store?.Dispose();
    }
}
