using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>Reads: the newest plates the box read, and whether each went to the agency or stayed here.</summary>
internal sealed class ReadsModel(ConsoleSite site) : PageModel
{
    public ReadsView View { get; private set; } = null!;

    public void OnGet() => View = ReadsView.Of(site);
}
