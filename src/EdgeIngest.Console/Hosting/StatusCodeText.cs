using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>A sentence for an answer that would otherwise have no body (a refused form, an unknown page).</summary>
internal static class StatusCodeText
{
    public static Task WriteAsync(StatusCodeContext status)
    {
        var response = status.HttpContext.Response;
        var text = response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => "Refused: the form was not valid here (it may be stale or come from another site); open the page again and resend it.",
            StatusCodes.Status401Unauthorized => "Sign in first: this answers only to a signed-in session.",
            StatusCodes.Status404NotFound => "No such page.",
            StatusCodes.Status413PayloadTooLarge => $"Refused: the form is too large; the console accepts at most {ConsoleLimits.MaxRequestBodyBytes / 1024} KB.",
            _ => $"HTTP {response.StatusCode}.",
        };
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text + "\n");
    }
}
