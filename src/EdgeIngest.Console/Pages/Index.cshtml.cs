using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Status: each camera's state and cause, frames, the hotlist, the agency link, the outbox and the disk.</summary>
internal sealed class IndexModel(ConsoleSite site) : PageModel
{
    public StatusView View { get; private set; } = null!;

    public void OnGet() => View = StatusView.Of(site);
}
