using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Audit: the newest records in plain words, and a Verify button that walks the whole chain.</summary>
internal sealed class AuditModel(ConsoleSite site) : PageModel
{
    public AuditView View { get; private set; } = null!;

    public void OnGet() => View = AuditView.Of(site, null);

    public void OnPostVerify() => View = AuditView.Of(site, AuditView.Verify(site));
}
