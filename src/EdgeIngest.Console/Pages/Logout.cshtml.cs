using EdgeIngest.WebConsole.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Ends the session (a POST with the form's antiforgery token, so no other site can sign the owner out).</summary>
internal sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await OwnerSession.SignOutAsync(HttpContext);
        return Redirect("/login");
    }
}
