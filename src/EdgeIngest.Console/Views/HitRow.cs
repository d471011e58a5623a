namespace EdgeIngest.WebConsole.Views;

/// <summary>
/// One hit as the Hits page shows it. A covert hit has only its time and camera: the box keeps that
/// it happened and nothing of what it was, so <see cref="Covert"/> rows show no plate, snapshot or clip.
/// </summary>
internal sealed record HitRow(
    string EventId,
    string Time,
    string Camera,
    bool Covert,
    string Plate,
    string ListedPlate,
    string Category,
    string MatchKind,
    bool ConfirmBeforeActing,
    bool Disclosed,
    string Disclosure,
    string? PlateSnapshot,
    string? Clip);
