using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Hits: the newest hotlist matches the box recorded, with how they matched and whether they were sent.</summary>
internal sealed class HitsModel(ConsoleSite site) : PageModel
{
    public HitsView View { get; private set; } = null!;

    public void OnGet() => View = HitsView.Of(site);
}
