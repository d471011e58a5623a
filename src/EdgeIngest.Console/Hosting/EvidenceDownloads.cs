using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// A hit's plate snapshot: <c>/evidence/{eventId}/plate.jpg</c>, with a session only (401 without).
/// The file is the one the record store lists for that event, looked up by the event id as a query
/// parameter; the request never forms a path, so nothing outside the evidence the store keeps can be
/// served. Anything else (no such event, a covert hit, a file purged at its retention) is 404.
/// </summary>
internal static class EvidenceDownloads
{
    public const string PlateKind = "plate";
    public const string Prefix = "/evidence";

    public static string PlateUrl(string eventId) => $"{Prefix}/{Uri.EscapeDataString(eventId)}/plate.jpg";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(Prefix + "/{eventId}/plate.jpg", (string eventId, ConsoleSite site) =>
            site.Appliance.Records.Store.EvidenceFileOf(eventId, PlateKind) is { } file
                ? Results.File(file, "image/jpeg")
                : Results.NotFound());
}
