using Microsoft.AspNetCore.Http;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// Headers on every answer: no framing, no sniffing, no referrer (the setup link carries a secret),
/// nothing cached, and a content policy that allows no outside resource at all and no script but
/// the console's own files (<see cref="ConsoleScripts"/>; never inline); pictures and clips only
/// from the console itself.
/// </summary>
internal static class SecurityHeaders
{
    public static Task AddAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // As antiforgery sets it on every page with a form: anything else makes it log a warning per page.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return next();
    }
}
