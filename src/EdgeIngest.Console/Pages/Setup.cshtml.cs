using EdgeIngest.WebConsole.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>
/// First run: the owner sets the console's password. Open only with the setup token the service
/// printed, and only until a password is set; after that it sends everyone to the login.
/// </summary>
internal sealed class SetupModel(PasswordStore passwords, SetupToken token, ConsoleAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? Problem { get; private set; }

    public IActionResult OnGet()
    {
        if (passwords.IsSet)
        {
            return RedirectToPage("/Login");
        }

        if (!token.Matches(Token))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Problem = "This setup link is not valid. Use the link the service printed when it started (it holds a one-time token).";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (passwords.IsSet)
        {
            return RedirectToPage("/Login");
        }

        if (!token.Matches(Token))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Problem = "This setup link is not valid. Use the link the service printed when it started (it holds a one-time token).";
            return Page();
        }

        if (PasswordRules.Problem(Password, Confirmation) is { } problem)
        {
            Problem = problem;
            return Page();
        }

        passwords.Set(Password!);
        audit.PasswordSet(HttpContext, firstRun: true);
        await OwnerSession.SignInAsync(HttpContext, passwords);
        audit.Login(HttpContext);
        return Redirect("/");
    }
}
