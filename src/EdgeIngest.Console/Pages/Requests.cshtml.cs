using EdgeIngest.Footage;
using EdgeIngest.WebConsole.Hosting;
using EdgeIngest.WebConsole.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EdgeIngest.WebConsole.Pages;

/// <summary>
/// Requests: the agency's footage requests waiting for the owner, each with a preview and three
/// answers (approve all, approve a shorter window inside the requested one, decline with a reason),
/// then the answered ones with their delivery. Every answer goes through the appliance's
/// <see cref="FootageRequests"/> as <see cref="FootageRequests.ConsoleOwner"/> (audited, sent to the
/// agency); a refused answer is shown on the request with the reason, and nothing changes.
/// </summary>
internal sealed class RequestsModel(ConsoleSite site) : PageModel
{
    [BindProperty]
    public string? Id { get; set; }

    /// <summary>The shorter window's start and end as the <c>datetime-local</c> inputs post them (box time).</summary>
    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public RequestsView View { get; private set; } = null!;

    /// <summary>What the last answer did (carried over the redirect after it).</summary>
    public string? Notice { get; private set; }

    /// <summary>The request a refused answer was for, and why it was refused.</summary>
    public string? ErrorFor { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The time zone the page shows and reads times in: the box's own.</summary>
    public static TimeZoneInfo Zone => TimeZoneInfo.Local;

    public void OnGet()
    {
        Notice = TempData["notice"] as string;
        View = RequestsView.Of(site, DateTimeOffset.UtcNow, Zone);
    }

    public IActionResult OnPostApprove() => Answer(requests =>
        requests.Get(Id!) is { } request
            ? requests.Approve(request.RequestId, request.Spec.From, request.Spec.To, FootageRequests.ConsoleOwner)
            : FootageAnswerResult.Refused($"there is no footage request '{Id}'"));

    public IActionResult OnPostApproveWindow() => Answer(requests =>
    {
        if (requests.Get(Id!) is not { } request)
        {
            return FootageAnswerResult.Refused($"there is no footage request '{Id}'");
        }

        if (!WindowInput.TryRead(From, "start", Zone, request.Spec.From, out var from, out var problem)
            || !WindowInput.TryRead(To, "end", Zone, request.Spec.To, out var to, out problem))
        {
            return FootageAnswerResult.Refused(problem, request);
        }

        return requests.Approve(request.RequestId, from, to, FootageRequests.ConsoleOwner);
    });

    public IActionResult OnPostDecline() => Answer(requests => requests.Decline(Id!, Reason ?? "", FootageRequests.ConsoleOwner));

    private IActionResult Answer(Func<FootageRequests, FootageAnswerResult> answer)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return Refused("", "the form did not say which request it answers");
        }

        var result = answer(site.Appliance.FootageRequests);
        if (!result.Ok)
        {
            return Refused(Id, result.Error ?? "the answer was not taken");
        }

        TempData["notice"] = Summary(result.Request!);
        return Redirect("/requests");
    }

    private PageResult Refused(string requestId, string error)
    {
        (ErrorFor, Error) = (requestId, error);
        View = RequestsView.Of(site, DateTimeOffset.UtcNow, Zone);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>What the owner just did, in words.</summary>
    private static string Summary(FootageRequest request)
    {
        var answer = request.Answer!;
        var what = $"request {request.RequestId} for case {request.Spec.CaseNumber}";
        return answer.Approved
            ? $"You approved {what}: {PlainWords.LocalWindow(answer.ApprovedFrom!.Value, answer.ApprovedTo!.Value, Zone)} " +
              $"({PlainWords.Length(answer.ApprovedTo.Value - answer.ApprovedFrom.Value)}) from {Cameras(request.Spec.Cameras)}. " +
              "This box now sends exactly that video to the agency; its progress is shown below."
            : $"You declined {what}. The agency is told your reason: \"{answer.DeclineReason}\". Nothing is sent.";
    }

    public static string Cameras(IReadOnlyList<string> cameras) => cameras.Count == 1 ? $"camera {cameras[0]}" : $"cameras {string.Join(", ", cameras)}";
}
