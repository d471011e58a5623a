using EdgeIngest.WebConsole.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Changes the console password (the current one first); other sessions end, and the change is audited.</summary>
internal sealed class PasswordModel(PasswordStore passwords, LoginThrottle throttle, ConsoleAudit audit) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? Problem { get; private set; }

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (throttle.LockedUntil() is not null)
        {
            Problem = "The login is locked after too many wrong passwords; try again in a few minutes.";
            return Page();
        }

        if (Current is null || Current.Length > PasswordRules.MaxLength || !passwords.Verify(Current))
        {
            var (failures, lockedUntil) = throttle.Failed();
            audit.LoginFailed(HttpContext, failures);
            if (lockedUntil is { } until)
            {
                audit.Lockout(HttpContext, until);
            }

            Problem = "The current password is wrong.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        if (PasswordRules.Problem(Password, Confirmation) is { } problem)
        {
            Problem = problem;
            return Page();
        }

        throttle.Succeeded();
        passwords.Set(Password!);
        audit.PasswordSet(HttpContext, firstRun: false);
        await OwnerSession.SignInAsync(HttpContext, passwords);
        Changed = true;
        return Page();
    }
}
