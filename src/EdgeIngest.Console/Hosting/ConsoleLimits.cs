using Microsoft.AspNetCore.Http;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The console's forms are small (a password, a number of days): anything larger is refused with
/// 413 and a sentence before it is read. Kestrel's own body limit catches bodies sent without a length.
/// </summary>
internal static class ConsoleLimits
{
    public const long MaxRequestBodyBytes = 16 * 1024;
    public const int MaxFormValueLength = 4 * 1024;

    public static async Task RefuseOversizedAsync(HttpContext context, Func<Task> next)
    {
        if (context.Request.ContentLength is > MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Refused: the form is {context.Request.ContentLength} bytes; the console accepts at most {MaxRequestBodyBytes / 1024} KB.\n").ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    }
}
