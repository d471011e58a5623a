using EdgeIngest.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// A camera's latest picture: <c>/cameras/{id}/frame.jpg</c>, with a session only (401 without),
/// never cached. By default the zone is outlined, the frame outside it dimmed and the plates read
/// in that frame boxed with their text; <c>?overlay=none</c> gives the bare frame (for drawing a
/// zone on). 404 with a sentence for an unknown camera or one without a frame yet.
/// </summary>
internal static class CameraFrames
{
    public const string Prefix = "/cameras";
    private const string FrameFile = "frame.jpg";

    public static string FrameUrl(string cameraId) => $"{Prefix}/{Uri.EscapeDataString(cameraId)}/{FrameFile}";

    /// <summary>Whether a request is for a picture (answered 401 without a session, not sent to the login).</summary>
    public static bool IsFrameRequest(PathString path) =>
        path.StartsWithSegments(Prefix, StringComparison.Ordinal) && path.Value!.EndsWith("/" + FrameFile, StringComparison.Ordinal);

    /// <summary>The one place the console finds a camera's worker by its id; null when the box runs no such camera.</summary>
    public static CameraWorker? WorkerOf(ConsoleSite site, string cameraId) =>
        site.Appliance.CameraSet.Find(cameraId)?.Worker;

    /// <summary>The bare frame, without zone or detections drawn: what the zone editor draws on.</summary>
    public static string BareUrl(string cameraId) => FrameUrl(cameraId) + "?overlay=none";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet($"{Prefix}/{{cameraId}}/{FrameFile}", (string cameraId, string? overlay, ConsoleSite site) => Serve(site, cameraId, overlay));

    private static IResult Serve(ConsoleSite site, string cameraId, string? overlay)
    {
        if (overlay is not null && overlay != "none")
        {
            return Results.Text($"overlay '{overlay}' is not known: leave it out for the zone and reads, or give overlay=none for the bare frame.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        if (WorkerOf(site, cameraId) is not { } worker)
        {
            return Results.Text($"This box runs no camera '{cameraId}'.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        if (worker.Latest.Copy() is not { } snapshot)
        {
            return Results.Text($"Camera '{cameraId}' has sent no frame yet.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var jpeg = overlay == "none" ? FrameRenderer.Bare(snapshot) : FrameRenderer.Annotated(snapshot, worker.Zone);
        return Results.File(jpeg, "image/jpeg", lastModified: snapshot.CapturedAt);
    }
}
