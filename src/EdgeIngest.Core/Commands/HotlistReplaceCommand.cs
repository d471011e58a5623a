using System.Text;
using System.Text.Json;
using EdgeIngest.Documents;

namespace EdgeIngest.Commands;

/// <summary>
/// <c>hotlist.replace</c>: a signed hotlist (or delta) in the command's <c>signed</c> field — the
/// envelope <c>hotlist sign</c> writes, as a JSON object or a string. It is judged exactly like one
/// published on the hotlist topic (verified, versioned, stored, audited); the command's own result
/// carries the verdict. The unsigned CSV form of earlier versions is refused with directions.
/// </summary>
internal sealed class HotlistReplaceCommand(DocumentReception? documents)
{
    public CommandVerdict Apply(JsonElement command, string commandId, DateTimeOffset now)
    {
        if (command.TryGetProperty("hotlist", out _))
        {
            return CommandVerdict.Refused("hotlist.replace no longer takes an unsigned csv: sign the list (edgeingest hotlist sign) and send the signed file's JSON in \"signed\", or publish it on the device's hotlist topic");
        }

        if (!command.TryGetProperty("signed", out var signed) || signed.ValueKind is not (JsonValueKind.Object or JsonValueKind.String))
        {
            return CommandVerdict.Refused("hotlist.replace needs \"signed\": the signed hotlist (edgeingest hotlist sign) as a JSON object or string");
        }

        if (documents is null)
        {
            return CommandVerdict.Refused("this device takes no hotlist documents (no agency key configured)");
        }

        var envelope = Encoding.UTF8.GetBytes(signed.ValueKind == JsonValueKind.String ? signed.GetString()! : signed.GetRawText());
        var outcome = documents.Receive(envelope, DocumentChannel.Command, $"command {CommandText.Quote(commandId)}", now);
        return outcome.Accepted
            ? CommandVerdict.Done(outcome.Repeated ? $"{outcome.Message} (already in force)" : outcome.Message)
            : CommandVerdict.Refused($"{outcome.Reason}: {outcome.Message}");
    }
}
