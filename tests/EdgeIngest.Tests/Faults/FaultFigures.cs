using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeIngest.Installation;

namespace EdgeIngest.Tests.Faults;

/// <summary>
/// One scenario's count: what the device queued for the agency against what the agency stored,
/// clips included. Printed as one line and written to .test-artifacts/faults/SCENARIO.json for the
/// README's reliability table.
/// </summary>
internal sealed record FaultFigures
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public required string Scenario { get; init; }

    public required int EventsQueued { get; init; }

    public required int EventsStored { get; init; }

    public int EventsLost => MissingEvents.Count;

    public required int ClipsQueued { get; init; }

    public required int ClipsStored { get; init; }

    public required int ClipsReportedDropped { get; init; }

    public int ClipsLost => MissingClips.Count;

    /// <summary>From the last fault to everything queued being stored (or the bound, if it never was).</summary>
    public required double RecoverSeconds { get; init; }

    public required bool Recovered { get; init; }

    public required IReadOnlyList<string> MissingEvents { get; init; }

    public required IReadOnlyList<string> MissingClips { get; init; }

    /// <summary>What the scenario measured besides the counts (CPU, reconnect times, resume times).</summary>
    public IReadOnlyDictionary<string, double> Measured { get; init; } = new Dictionary<string, double>();

    public double WallSeconds { get; init; }

    /// <summary>The printed line, also in the JSON so a script can show it without parsing.</summary>
    public string Summary => Line();

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"fault {Scenario}: events queued {EventsQueued}, stored {EventsStored}, lost {EventsLost}; clips queued {ClipsQueued}, stored {ClipsStored}, reported dropped {ClipsReportedDropped}, lost {ClipsLost}; recovered {(Recovered ? "in" : "NOT within")} {RecoverSeconds:0.0} s; wall {WallSeconds:0} s")
        + string.Concat(Measured.Select(m => string.Create(CultureInfo.InvariantCulture, $"; {m.Key} {m.Value:0.###}")));

    /// <summary>Prints the line, writes the JSON, then fails naming every missing id if anything was lost.</summary>
    public void ReportAndAssertNothingLost()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Line());
        Console.WriteLine(Line());
        var folder = Directory.CreateDirectory(Path.Combine(InstallLayout.Root, ".test-artifacts", "faults")).FullName;
        File.WriteAllText(Path.Combine(folder, $"{Scenario}.json"), JsonSerializer.Serialize(this, Json));

        Assert.True(EventsQueued > 0, $"{Scenario}: the device queued no hit at all, so nothing was tested. {Line()}");
        Assert.True(EventsLost == 0 && ClipsLost == 0,
            $"{Scenario}: lost {EventsLost} of {EventsQueued} events [{string.Join(", ", MissingEvents)}] and {ClipsLost} of {ClipsQueued} promised clips (neither stored nor reported dropped) [{string.Join(", ", MissingClips)}]. {Line()}");
    }
}
