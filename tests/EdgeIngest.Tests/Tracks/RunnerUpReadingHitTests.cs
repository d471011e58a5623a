using System.Text.Json;
using EdgeIngest.Events;
using EdgeIngest.Reads;
using EdgeIngest.Tests.Outbox;
using EdgeIngest.Tests.Reads;
using EdgeIngest.Tracks;

namespace EdgeIngest.Tests.Tracks;

/// <summary>
/// The real recogniser, tracker, read router, hotlist and outbox on a rendered plate the
/// recogniser misreads: the drawn plate is among the read's runner-up readings, reaches the hit
/// event's alternatives, and a hotlist entry for it hits, marked confirm-before-acting.
/// </summary>
public sealed class RunnerUpReadingHitTests : IDisposable
{
    private const string Drawn = "B98PJJ";
    private readonly OutboxFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_Listed_Plate_Misread_By_The_Recogniser_But_Among_Its_Runner_Up_Readings_Hits_Confirm_Before_Acting()
    {
        // Pale, blurred characters at night: the recogniser loses the last J (B98PJ) and finds
        // the drawn plate second or third most probable.
        var image = RenderedPlate.RenderAtNight(Drawn, 0.34, 0xD4, 2.0);
        using var recognizer = PaddleOcrPlateRecognizer.Create();
        var read = Assert.Single(recognizer.Recognize(image));
        Assert.NotEqual(Drawn, read.Text);
        Assert.True(Enumerable.Range(0, read.Alternatives.Count).Any(a => read.Alternatives[a] == Drawn), $"{Drawn} read as {read.Text}, alternatives {read.Alternatives}");

        await using var path = HitPath.Start(_folder, Drawn);
        var tracker = new PlateTracker("gate", new TrackerOptions());
        for (var k = 0; k < 3; k++)
        {
            tracker.Observe(image, TrackScene.At(0.2 * k), recognizer.Recognize(image), path.Router);
        }

        tracker.Observe(image, TrackScene.At(1.8), [], path.Router);
        await path.Committer.StopAsync();

        var hit = JsonSerializer.Deserialize(Assert.Single(OutboxFolder.DrainAll(path.Outbox)).Payload, EventJsonContext.Default.HitEvent)!;
        Assert.Equal((read.Text, Drawn), (hit.Plate, hit.Hotlist.Plate));
        Assert.Contains(Drawn, hit.Alternatives!);
        Assert.Equal(new MatchJson("exact", 0, ConfirmBeforeActing: true, Drawn), hit.Match);
    }
}
