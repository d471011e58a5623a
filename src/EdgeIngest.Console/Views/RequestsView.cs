using EdgeIngest.Footage;
using EdgeIngest.WebConsole.Hosting;

namespace EdgeIngest.WebConsole.Views;

/// <summary>
/// The agency's footage requests for the Requests page: those waiting for the owner first (the next
/// to expire on top), then the answered ones, newest first. Times are in the box's time zone.
/// </summary>
internal sealed record RequestsView(IReadOnlyList<PendingRequestRow> Pending, IReadOnlyList<AnsweredRequestRow> Answered)
{
    public static RequestsView Of(ConsoleSite site, DateTimeOffset now, TimeZoneInfo zone) =>
        Of(site.Appliance.FootageRequests.List(), now, zone);

    /// <param name="all">The requests as <see cref="FootageRequests.List"/> gives them: pending first, then the answered ones, newest first.</param>
    public static RequestsView Of(IReadOnlyList<FootageRequest> all, DateTimeOffset now, TimeZoneInfo zone)
    {
        return new RequestsView(
            [.. all.Where(r => r.IsPending).Select(r => PendingOf(r, now, zone))],
            [.. all.Where(r => !r.IsPending).Select(r => AnsweredOf(r, zone))]);
    }

    /// <summary>How many requests wait for the owner: the count beside "Requests" in the menu.</summary>
    public static int PendingCount(ConsoleSite site) => site.Appliance.FootageRequests.List().Count(r => r.IsPending);

    private static PendingRequestRow PendingOf(FootageRequest request, DateTimeOffset now, TimeZoneInfo zone)
    {
        var spec = request.Spec;
        return new PendingRequestRow(
            request.RequestId,
            spec.CaseNumber,
            spec.ReasonCode,
            spec.Officer,
            spec.Note,
            spec.Cameras,
            PlainWords.LocalWindow(spec.From, spec.To, zone),
            PlainWords.Length(spec.To - spec.From),
            PlainWords.LocalInstant(request.ReceivedAt, zone),
            PlainWords.LocalInstant(request.ExpiresAt, zone),
            PlainWords.Until(request.ExpiresAt - now),
            WindowInput.Write(spec.From, zone),
            WindowInput.Write(spec.To, zone),
            [.. spec.Cameras.SelectMany(camera => FootageStills.Points.Select(point => new FootageStill(
                camera,
                point,
                PlainWords.LocalInstant(FootageStills.At(spec, point), zone),
                TimeZoneInfo.ConvertTime(FootageStills.At(spec, point), zone).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                FootageStills.StillUrl(request.RequestId, camera, point))))]);
    }

    private static AnsweredRequestRow AnsweredOf(FootageRequest request, TimeZoneInfo zone)
    {
        var spec = request.Spec;
        var answer = request.Answer;
        var approved = answer is { Approved: true } ? answer : null;
        return new AnsweredRequestRow(
            request.RequestId,
            spec.CaseNumber,
            spec.ReasonCode,
            spec.Officer,
            spec.Cameras,
            PlainWords.LocalWindow(spec.From, spec.To, zone),
            request.State,
            Outcome(request.State),
            approved is not null,
            answer is null
                ? $"Not answered by {PlainWords.LocalInstant(request.ExpiresAt, zone)}: it expired."
                : $"{(approved is not null ? "Approved" : "Declined")} by {answer.By} at {PlainWords.LocalInstant(answer.At, zone)}.",
            approved is null ? null : $"{PlainWords.LocalWindow(approved.ApprovedFrom!.Value, approved.ApprovedTo!.Value, zone)} ({PlainWords.Length(approved.ApprovedTo.Value - approved.ApprovedFrom.Value)})",
            answer?.DeclineReason,
            Delivery(request, zone));
    }

    private static string Outcome(string state) => state switch
    {
        FootageStates.Approved => "Approved: being sent",
        FootageStates.Delivered => "Approved and delivered",
        FootageStates.Failed => "Approved, but the delivery failed",
        FootageStates.Declined => "Declined",
        FootageStates.Expired => "Expired unanswered",
        _ => state,
    };

    private static string Delivery(FootageRequest request, TimeZoneInfo zone)
    {
        var progress = request.Delivery;
        var parts = progress.PartsTotal == 1 ? "1 part" : $"{progress.PartsTotal} parts";
        return request.State switch
        {
            FootageStates.Approved when !progress.Planned => "Preparing the video for sending.",
            FootageStates.Approved =>
                $"{progress.PartsStored} of {parts} ({PlainWords.Bytes(progress.Bytes)}) stored for sending; {progress.PartsConfirmed} confirmed by the agency's receiver.",
            FootageStates.Delivered =>
                $"Delivered: all {parts} ({PlainWords.Bytes(progress.Bytes)}) confirmed by the agency's receiver" +
                (request.FinishedAt is { } done ? $" at {PlainWords.LocalInstant(done, zone)}." : "."),
            FootageStates.Failed =>
                $"Failed{(request.FinishedAt is { } failed ? $" at {PlainWords.LocalInstant(failed, zone)}" : "")}: {request.FailureReason ?? "no reason recorded"}. " +
                $"{progress.PartsConfirmed} of {parts} had been confirmed by the agency's receiver.",
            _ => "Nothing was sent.",
        };
    }
}
