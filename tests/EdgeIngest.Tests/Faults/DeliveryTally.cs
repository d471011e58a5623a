using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// Counts event ids on both ends. Queued on the device: the ids the service logged as
/// "HIT … event ID queued for the agency" (each hit also promises a clip: clips are on). Stored at
/// the agency: the receiver's hits/DEVICE/ID.json and clips/DEVICE/ID.mp4, and drops.jsonl for
/// clips reported as dropped.
/// </summary>
internal sealed partial class DeliveryTally(Func<IEnumerable<string>> serviceLines, string outputDirectory, string deviceId)
{
    /// <summary>Nothing arriving for this long after a fault means nothing more will.</summary>
    public static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(40);

    public IReadOnlyList<string> QueuedEvents() =>
        [.. serviceLines().Select(l => HitLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["id"].Value).Distinct()];

    public bool EventStored(string id) => File.Exists(Path.Combine(outputDirectory, "hits", deviceId, $"{id}.json"));

    public bool ClipStored(string id) => File.Exists(Path.Combine(outputDirectory, "clips", deviceId, $"{id}.mp4"));

    public int StoredEventFiles() =>
        Directory.Exists(Path.Combine(outputDirectory, "hits", deviceId)) ? Directory.GetFiles(Path.Combine(outputDirectory, "hits", deviceId), "*.json").Length : 0;

    /// <summary>Event ids whose clip the device reported as dropped (drops.jsonl, kind clip).</summary>
    public IReadOnlySet<string> DroppedClips()
    {
        var path = Path.Combine(outputDirectory, "drops.jsonl");
        var dropped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return dropped;
        }

        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0))
        {
            try
            {
                using var drop = JsonDocument.Parse(line);
                if (drop.RootElement.TryGetProperty("event_id", out var id) && id.GetString() is { } eventId)
                {
                    dropped.Add(eventId);
                }
            }
            catch (JsonException)
            {
                // A line being written right now; counted on the next look.
            }
        }

        return dropped;
    }

    /// <summary>Whether every given event is stored and each of their clips stored or reported dropped.</summary>
    public bool AllDelivered(IReadOnlyCollection<string> ids)
    {
        var dropped = DroppedClips();
        return ids.All(id => EventStored(id) && (ClipStored(id) || dropped.Contains(id)));
    }

    /// <summary>
    /// Waits until the ids are delivered; the time counts from <paramref name="since"/>, the moment
    /// the last fault ended. Gives up at <paramref name="bound"/>, or earlier once nothing new has
    /// arrived for <see cref="QuietLimit"/> (longer than the device's 30 s reconnect backoff), so a
    /// scenario that loses something fails in under a minute. Does not fail: the figures say what was lost.
    /// </summary>
    public async Task<FaultFigures> WaitAndCountAsync(string scenario, IReadOnlyList<string> ids, Stopwatch since, TimeSpan bound, Stopwatch wall, IReadOnlyDictionary<string, double>? measured = null)
    {
        var recovered = AllDelivered(ids);
        var arrived = Arrived(ids);
        var quiet = Stopwatch.StartNew();
        while (!recovered && since.Elapsed < bound && quiet.Elapsed < QuietLimit)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            recovered = AllDelivered(ids);
            if (Arrived(ids) != arrived)
            {
                arrived = Arrived(ids);
                quiet.Restart();
            }
        }

        var recoverSeconds = since.Elapsed.TotalSeconds;
        var dropped = DroppedClips();
        return new FaultFigures
        {
            Scenario = scenario,
            EventsQueued = ids.Count,
            EventsStored = ids.Count(EventStored),
            ClipsQueued = ids.Count,
            ClipsStored = ids.Count(ClipStored),
            ClipsReportedDropped = ids.Count(dropped.Contains),
            RecoverSeconds = recoverSeconds,
            Recovered = recovered,
            MissingEvents = [.. ids.Where(id => !EventStored(id))],
            MissingClips = [.. ids.Where(id => !ClipStored(id) && !dropped.Contains(id))],
            Measured = measured ?? new Dictionary<string, double>(),
            WallSeconds = wall.Elapsed.TotalSeconds,
        };
    }

    private int Arrived(IReadOnlyCollection<string> ids)
    {
        var dropped = DroppedClips();
        return ids.Count(EventStored) + ids.Count(ClipStored) + ids.Count(dropped.Contains);
    }

    [GeneratedRegex(@"HIT .* event (?<id>[0-9A-Za-z-]+) queued for the agency")]
    private static partial Regex HitLine();
}
