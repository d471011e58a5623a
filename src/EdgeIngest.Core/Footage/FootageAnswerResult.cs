namespace EdgeIngest.Footage;

/// <summary>
/// What became of the owner's answer (<see cref="FootageRequests.Approve"/>, <see cref="FootageRequests.Decline"/>):
/// the request as it now stands, or the reason the answer was not taken (unknown id, already
/// answered, expired, window outside the requested one, no reason given), for the console to show.
/// </summary>
public sealed record FootageAnswerResult(bool Ok, string? Error, FootageRequest? Request)
{
    public static FootageAnswerResult Done(FootageRequest request) => new(true, null, request);

    public static FootageAnswerResult Refused(string error, FootageRequest? request = null) => new(false, error, request);
}
