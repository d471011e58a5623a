using EdgeIngest.Footage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The preview of a footage request: <c>/footage/{requestId}/{cameraId}/{start|middle|end}.jpg</c>,
/// a still from the recording at that point of the requested window, with a session only (401
/// without). Only the cameras and window the request names can be asked for: the address carries no
/// time. 404 with a sentence for an unknown request or camera, or where no video is held; 504 when
/// the still takes longer than <see cref="Timeout"/>.
/// </summary>
internal static class FootageStills
{
    public const string Prefix = "/footage";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    public static readonly IReadOnlyList<string> Points = ["start", "middle", "end"];

    public static string StillUrl(string requestId, string cameraId, string point) =>
        $"{Prefix}/{Uri.EscapeDataString(requestId)}/{Uri.EscapeDataString(cameraId)}/{point}.jpg";

    /// <summary>Whether a request is for a still (answered 401 without a session, not sent to the login).</summary>
    public static bool IsStillRequest(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    /// <summary>The moment a point names: the window's first instant, its middle, or its end.</summary>
    public static DateTimeOffset At(FootageRequestSpec spec, string point) => point switch
    {
        "start" => spec.From,
        "middle" => spec.From + ((spec.To - spec.From) / 2),
        "end" => spec.To,
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, "expected start, middle or end"),
    };

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(Prefix + "/{requestId}/{cameraId}/{point}.jpg", (string requestId, string cameraId, string point, ConsoleSite site, HttpContext http) =>
            ServeAsync(site, requestId, cameraId, point, http.RequestAborted));

    private static async Task<IResult> ServeAsync(ConsoleSite site, string requestId, string cameraId, string point, CancellationToken aborted)
    {
        if (!Points.Contains(point))
        {
            return Text($"'{point}' is not a point of the window: ask for start.jpg, middle.jpg or end.jpg.", StatusCodes.Status404NotFound);
        }

        var requests = site.Appliance.FootageRequests;
        if (requests.Get(requestId) is not { } request)
        {
            return Text($"There is no footage request '{requestId}' on this box.", StatusCodes.Status404NotFound);
        }

        if (!request.Spec.Cameras.Contains(cameraId, StringComparer.Ordinal))
        {
            return Text($"Footage request '{requestId}' does not ask for camera '{cameraId}'.", StatusCodes.Status404NotFound);
        }

        var at = At(request.Spec, point);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        bounded.CancelAfter(Timeout);
        byte[]? jpeg;
        try
        {
            jpeg = await requests.StillAsync(cameraId, at, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return Text($"The still of camera '{cameraId}' took longer than {Timeout.TotalSeconds:0} s.", StatusCodes.Status504GatewayTimeout);
        }

        return jpeg is null
            ? Text($"No video is held here for camera '{cameraId}' at {Views.PlainWords.Instant(at)}.", StatusCodes.Status404NotFound)
            : Results.File(jpeg, "image/jpeg");
    }

    private static IResult Text(string sentence, int status) => Results.Text(sentence, "text/plain; charset=utf-8", statusCode: status);
}
