using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Agreement: what the box shares, with whom, which categories, and how long it keeps what.</summary>
internal sealed class AgreementModel(ConsoleSite site) : PageModel
{
    public AgreementView View { get; private set; } = null!;

    public void OnGet() => View = AgreementView.Of(site);
}
