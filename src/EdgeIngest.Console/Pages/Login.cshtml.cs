using System.Globalization;
using EdgeIngest.WebConsole.Access;
using EdgeIngest.WebConsole.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>
/// The owner's login. Five wrong passwords in a row lock it for five minutes (in memory); every
/// login, wrong password and lockout is a record in the box's audit.
/// </summary>
internal sealed class LoginModel(PasswordStore passwords, LoginThrottle throttle, ConsoleAudit audit, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public bool PasswordIsSet => passwords.IsSet;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!passwords.IsSet)
        {
            return Page();
        }

        if (throttle.LockedUntil() is { } locked)
        {
            Problem = LockedMessage(locked);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (Password is null || Password.Length > PasswordRules.MaxLength || !passwords.Verify(Password))
        {
            var (failures, lockedUntil) = throttle.Failed();
            audit.LoginFailed(HttpContext, failures);
            ConsoleLog.Access(logger, "wrong password", HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (lockedUntil is { } until)
            {
                audit.Lockout(HttpContext, until);
                Problem = $"Wrong password, {failures} in a row. {LockedMessage(until)}";
            }
            else
            {
                Problem = $"Wrong password ({failures} of {LoginThrottle.MaxFailures} before the login locks for {LoginThrottle.LockDuration.TotalMinutes:0} minutes).";
            }

            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        throttle.Succeeded();
        await OwnerSession.SignInAsync(HttpContext, passwords);
        audit.Login(HttpContext);
        return LocalRedirect(ReturnUrl is { } back && Url.IsLocalUrl(back) ? back : "/");
    }

    private static string LockedMessage(DateTimeOffset until) =>
        $"The login is locked until {until.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC. Try again then.";
}
