using System.Security.Claims;
using EdgeIngest.WebConsole.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace EdgeIngest.WebConsole.Access;

/// <summary>The owner's session cookie: one user, tied to the password in force (a changed password ends older sessions).</summary>
internal static class OwnerSession
{
    public static Task SignInAsync(HttpContext context, PasswordStore passwords)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "owner"), ConsoleHost.StampOf(passwords)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
}
