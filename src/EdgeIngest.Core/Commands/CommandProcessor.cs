using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Documents;
using EdgeIngest.Footage;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Commands;

/// <summary>
/// Handles each message from <c>{prefix}/{device}/commands</c> (<c>edgeingest.command/1</c>) and
/// returns the <c>edgeingest.command-result/1</c> answer to publish on <c>command-results</c>.
/// A command that is too big, malformed, of an unknown schema or type, or failing validation
/// changes nothing and is answered <c>ok: false</c> with the reason. A redelivered command (same
/// id, same bytes) is answered again from memory and not applied twice. Commands are handled one
/// at a time.
/// </summary>
public sealed class CommandProcessor
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private readonly string _deviceId;
    private readonly HotlistReplaceCommand _hotlistReplace;
    private readonly FootageRequestCommandHandler _footageRequest;
    private readonly ILogger _logger;
    private readonly RecentCommands _recent;
    private readonly Lock _gate = new();

    /// <param name="documents">Judges the signed hotlist a <c>hotlist.replace</c> carries; null refuses the command.</param>
    /// <param name="footage">Takes in <c>footage.request</c>; null refuses the command.</param>
    public CommandProcessor(string deviceId, DocumentReception? documents, ILogger logger, int rememberedCommands = CommandLimits.RememberedCommands, FootageRequests? footage = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rememberedCommands);
        _deviceId = deviceId;
        _hotlistReplace = new HotlistReplaceCommand(documents);
        _footageRequest = new FootageRequestCommandHandler(footage);
        _logger = logger;
        _recent = new RecentCommands(rememberedCommands);
    }

    public CommandOutcome Process(ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (payload.Length > CommandLimits.MaxPayloadBytes)
        {
            // Not parsed, but answered when its id can be read from the bytes before the limit:
            // the agency then learns why the command did nothing instead of waiting for ever.
            var reason = string.Create(CultureInfo.InvariantCulture, $"command of {payload.Length:N0} bytes exceeds the {CommandLimits.MaxPayloadBytes:N0}-byte (1 MiB) limit");
            return Reject(AnswerableId(payload[..CommandLimits.MaxPayloadBytes]), reason, now);
        }

        lock (_gate)
        {
            return ProcessWithinLimit(payload.ToArray(), now);
        }
    }

    private CommandOutcome ProcessWithinLimit(byte[] payload, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException e)
        {
            return Reject(AnswerableId(payload), $"command is not valid JSON: {e.Message}", now);
        }

        using (document)
        {
            var command = document.RootElement;
            if (command.ValueKind != JsonValueKind.Object)
            {
                return Reject(null, $"command must be a JSON object, found {CommandText.Describe(command.ValueKind)}", now);
            }

            var idProblem = CommandEnvelope.CheckCommandId(command, out var commandId);
            var schemaProblem = CommandEnvelope.CheckSchema(command);
            if (schemaProblem is not null || commandId is null)
            {
                return Reject(commandId, schemaProblem ?? idProblem!, now);
            }

            var hash = SHA256.HashData(payload);
            if (_recent.TryGet(commandId, out var earlier))
            {
                if (!earlier.PayloadHash.AsSpan().SequenceEqual(hash))
                {
                    return Reject(commandId, $"command_id {CommandText.Quote(commandId)} was already used by a different command", now);
                }

                CommandLog.Repeated(_logger, commandId, earlier.Outcome.Ok);
                return earlier.Outcome with { Repeated = true };
            }

            var outcome = Execute(command, commandId, now);
            _recent.Add(commandId, new RememberedCommand(hash, outcome));
            return outcome;
        }
    }

    private CommandOutcome Execute(JsonElement command, string commandId, DateTimeOffset now)
    {
        var typeProblem = CommandEnvelope.CheckType(command, out var type);
        if (typeProblem is not null)
        {
            return Reject(commandId, typeProblem, now);
        }

        var verdict = type switch
        {
            CommandTypes.Ping => CommandVerdict.Done("ping answered"),
            CommandTypes.HotlistReplace => _hotlistReplace.Apply(command, commandId, now),
            CommandTypes.FootageRequest => _footageRequest.Apply(command, commandId),
            _ => CommandVerdict.Refused($"unknown command type {CommandText.Quote(type)}; {CommandTypes.Expected}"),
        };

        if (!verdict.Ok)
        {
            return Reject(commandId, verdict.Error!, now);
        }

        CommandLog.Accepted(_logger, commandId, type, verdict.Summary!);
        return new CommandOutcome(commandId, true, null, Answer(commandId, null, now));
    }

    /// <summary>The top-level command_id found before any damage (or the cut), if it is one that may be echoed back.</summary>
    private static string? AnswerableId(ReadOnlySpan<byte> payload) =>
        CommandIdScanner.Find(payload) is { } scanned && CommandEnvelope.CheckCommandIdText(scanned) is null ? scanned : null;

    private CommandOutcome Reject(string? commandId, string reason, DateTimeOffset now)
    {
        CommandLog.Rejected(_logger, commandId ?? "(no usable command_id)", reason);
        return new CommandOutcome(commandId, false, reason, commandId is null ? null : Answer(commandId, reason, now));
    }

    private byte[] Answer(string commandId, string? error, DateTimeOffset now) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new CommandResult(CommandResult.SchemaV1, commandId, _deviceId, error is null, error, now),
            CommandJsonContext.Default.CommandResult);
}
