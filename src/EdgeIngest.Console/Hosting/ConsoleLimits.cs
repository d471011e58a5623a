using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The console's forms are small (a password, a number of days): anything larger is refused with
/// 413 and a sentence before it is read. The one upload, the enrollment bundle on the Device page,
/// may be larger (a few KB of certificates, key, agreement and registration), up to
/// <see cref="MaxUploadBytes"/>. Kestrel's own body limit catches bodies sent without a length.
/// </summary>
internal static class ConsoleLimits
{
    public const long MaxRequestBodyBytes = 16 * 1024;
    public const int MaxFormValueLength = 4 * 1024;

    /// <summary>Ample for an enrollment bundle (about 6 KB with an agreement); not a door for large files.</summary>
    public const long MaxUploadBytes = 64 * 1024;

    /// <summary>The page that takes an upload.</summary>
    public const string UploadPath = "/device";

    public static async Task RefuseOversizedAsync(HttpContext context, Func<Task> next)
    {
        var upload = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(UploadPath, StringComparison.OrdinalIgnoreCase);
        var limit = upload ? MaxUploadBytes : MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/plain; charset=utf-8";
            var what = upload ? "upload" : "form";
            await context.Response.WriteAsync($"Refused: the {what} is {context.Request.ContentLength} bytes; the console accepts at most {limit / 1024} KB.\n").ConfigureAwait(false);
            return;
        }

        if (upload && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxUploadBytes;
        }

        await next().ConfigureAwait(false);
    }
}
