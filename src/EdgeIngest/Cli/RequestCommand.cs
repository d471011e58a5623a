using System.CommandLine;
using System.Globalization;
using EdgeIngest.Configuration;
using EdgeIngest.Footage;
using EdgeIngest.Hotlists;
using EdgeIngest.Interop.Mqtt;
using EdgeIngest.Receiving.Configuration;
using EdgeIngest.Receiving.Documents;
using EdgeIngest.Receiving.Footage;

namespace EdgeIngest.Cli;

/// <summary>
/// Agency side: <c>request footage</c> asks a device for video of a time window (docs/footage.md)
/// with the receiver's identity and prints the device's answer. Exit codes: 0 the request waits
/// for the owner (pending), 1 refused, no answer within <c>--wait</c>, or the broker failed,
/// 2 usage (the message names the option), 3 a receiver configuration that cannot be read.
/// </summary>
internal static class RequestCommand
{
    private const string Name = "request footage";

    public static Command Create() => new("request", "Agency side: ask a device for something its owner must approve")
    {
        FootageCommand(),
    };

    private static Command FootageCommand()
    {
        var config = new Option<FileInfo>("--config") { Description = "The receiver's configuration (YAML): broker, TLS identity, topic_prefix", Required = true };
        var device = new Option<string>("--device") { Description = "The device to ask", Required = true };
        var cameras = new Option<string[]>("--camera") { Description = $"A camera of that device (repeat for up to {FootageRequestLimits.MaxCameras})", Required = true };
        var from = new Option<string>("--from") { Description = "Start of the window, ISO 8601 with offset (2026-12-06T14:00:00Z)", Required = true };
        var to = new Option<string>("--to") { Description = "End of the window, ISO 8601 with offset; after --from", Required = true };
        var caseNumber = new Option<string>("--case") { Description = $"The case number (1–{FootageRequestLimits.MaxCaseNumberLength} characters); footage is stored under it", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, as a code: lower-case letters, digits, '.', '-', '_' (burglary, hit_and_run, …)", Required = true };
        var officer = new Option<string>("--officer") { Description = $"Who asks (1–{FootageRequestLimits.MaxOfficerLength} characters), shown to the owner", Required = true };
        var note = new Option<string?>("--note") { Description = $"What to look for, shown to the owner (at most {FootageRequestLimits.MaxNoteLength} characters)" };
        var id = new Option<string?>("--id") { Description = $"The request id ({FootageIds.RequestIdRule}); default fr- and a UUIDv7. Asking again with the same id gets the same answer" };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait for the device's answer", DefaultValueFactory = _ => 30 };
        var command = new Command("footage", "Ask a device for the video of a time window; its owner approves or declines in the console")
        {
            config, device, cameras, from, to, caseNumber, reason, officer, note, id, wait,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var deviceId = result.GetValue(device)!;
            var requestId = result.GetValue(id) ?? $"fr-{Guid.CreateVersion7():D}";
            var problem = Check(deviceId, requestId, result.GetValue(cameras) ?? [], result.GetValue(from), result.GetValue(to),
                result.GetValue(caseNumber), result.GetValue(reason), result.GetValue(officer), result.GetValue(note), result.GetValue(wait),
                out var spec);
            if (problem is not null)
            {
                return await CliExit.FailAsync(Name, ToolExit.Usage, problem).ConfigureAwait(false);
            }

            ReceiverConfig receiver;
            try
            {
                receiver = ReceiverConfigLoader.Load(result.GetValue(config)!.FullName);
            }
            catch (ConfigException e)
            {
                return await CliExit.FailAsync(Name, ToolExit.BadConfig, e.Message).ConfigureAwait(false);
            }

            var request = new FootageRequestCommand("edgeingest.command/1", requestId, FootageRequestCommand.CommandType, spec!);
            var seconds = result.GetValue(wait);
            Console.WriteLine($"asking {deviceId} for footage: request {requestId}, case {spec!.CaseNumber}; waiting up to {seconds} s for its answer");
            try
            {
                var answer = await FootageRequester.RequestAsync(receiver, deviceId, request, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
                if (answer is null)
                {
                    return await CliExit.FailAsync(Name, ToolExit.Failed,
                        $"no answer from {deviceId} within {seconds} s: it may be offline (the request waits in its broker session and is answered when it connects; ask again with --id {requestId} to see the answer)").ConfigureAwait(false);
                }

                if (!answer.Ok)
                {
                    Console.WriteLine($"refused: {deviceId} refused request {requestId}: {answer.Error ?? "no reason given"}");
                    return ToolExit.Failed;
                }

                Console.WriteLine($"pending: request {requestId} waits for the owner of {deviceId} to approve or decline; approved footage arrives at the receiver under footage/{FootageIds.CaseFolder(spec.CaseNumber)}/{requestId}/");
                return ToolExit.Ok;
            }
            catch (MqttException e)
            {
                return await CliExit.FailAsync(Name, ToolExit.Failed, $"broker: {e.Message}").ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <returns>What is wrong, naming the option; null when the request can be sent.</returns>
    internal static string? Check(string device, string requestId, string[] cameras, string? from, string? to, string? caseNumber, string? reason, string? officer, string? note, int wait, out FootageRequestSpec? spec)
    {
        spec = null;
        if (!SignedDocumentPublisher.IsDeviceId(device))
        {
            return $"--device '{device}' is not a device id (1–64 letters, digits, '-' or '_')";
        }

        if (!FootageIds.IsRequestId(requestId))
        {
            return $"--id '{requestId}' is not {FootageIds.RequestIdRule}";
        }

        if (cameras.Length is 0 or > FootageRequestLimits.MaxCameras)
        {
            return $"--camera: give 1 to {FootageRequestLimits.MaxCameras} cameras, not {cameras.Length}";
        }

        if (cameras.FirstOrDefault(c => !FootageIds.IsCameraId(c)) is { } badCamera)
        {
            return $"--camera '{badCamera}' is not a camera id ({FootageIds.CameraIdRule})";
        }

        if (cameras.Distinct(StringComparer.Ordinal).Count() != cameras.Length)
        {
            return "--camera: a camera is named twice";
        }

        if (!IsoTimestamps.TryParse(from, out var start))
        {
            return $"--from '{from}': {IsoTimestamps.Expected}";
        }

        if (!IsoTimestamps.TryParse(to, out var end))
        {
            return $"--to '{to}': {IsoTimestamps.Expected}";
        }

        if (start >= end)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--from {start:O} is not before --to {end:O}");
        }

        var fieldProblem = FootageFields.CaseNumberProblem(caseNumber) is { } c ? $"--case {c}"
            : FootageFields.ReasonCodeProblem(reason) is { } r ? $"--reason {r}"
            : FootageFields.OfficerProblem(officer) is { } o ? $"--officer {o}"
            : FootageFields.NoteProblem(note) is { } n ? $"--note {n}"
            : wait is < 1 or > 3600 ? $"--wait {wait}: expected 1 to 3600 seconds"
            : null;
        if (fieldProblem is not null)
        {
            return fieldProblem;
        }

        spec = new FootageRequestSpec(caseNumber!, reason!, officer!, cameras, start, end, note);
        return null;
    }
}
