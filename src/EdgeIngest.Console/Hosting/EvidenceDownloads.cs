using EdgeIngest.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// A hit's plate snapshot, <c>/evidence/{eventId}/plate.jpg</c>, and its video clip,
/// <c>/evidence/{eventId}/clip.mp4</c> (with range requests, so a player can seek), with a session
/// only (401 without).
/// The file is the one the record store lists for that event, looked up by the event id as a query
/// parameter; the request never forms a path, so nothing outside the evidence the store keeps can be
/// served. Anything else (no such event, a covert hit, a file purged at its retention) is 404.
/// </summary>
internal static class EvidenceDownloads
{
    public const string PlateKind = "plate";
    public const string Prefix = "/evidence";

    public static string PlateUrl(string eventId) => $"{Prefix}/{Uri.EscapeDataString(eventId)}/plate.jpg";

    public static string ClipUrl(string eventId) => $"{Prefix}/{Uri.EscapeDataString(eventId)}/clip.mp4";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Prefix + "/{eventId}/plate.jpg", (string eventId, ConsoleSite site) =>
            site.Appliance.Records.Store.EvidenceFileOf(eventId, PlateKind) is { } file
                ? Results.File(file, "image/jpeg")
                : Results.NotFound());
        routes.MapGet(Prefix + "/{eventId}/clip.mp4", (string eventId, ConsoleSite site) =>
            site.Appliance.Records.Store.EvidenceFileOf(eventId, RecordStore.ClipKind) is { } file
                ? Results.File(file, "video/mp4", enableRangeProcessing: true)
                : Results.NotFound());
    }
}
