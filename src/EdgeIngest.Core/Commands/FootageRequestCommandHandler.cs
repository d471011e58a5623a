using System.Text.Json;
using EdgeIngest.Footage;

namespace EdgeIngest.Commands;

/// <summary>
/// <c>footage.request</c> (docs/footage.md): the agency asks for video of a window. Refused at once
/// with the reason, or stored as pending for the owner's answer; the result says which.
/// </summary>
internal sealed class FootageRequestCommandHandler(FootageRequests? footage)
{
    public CommandVerdict Apply(JsonElement command, string commandId)
    {
        if (footage is null)
        {
            return CommandVerdict.Refused("this device takes no footage requests (it keeps no continuous recording)");
        }

        var intake = footage.Receive(commandId, command);
        return intake.Ok ? CommandVerdict.Done(intake.Message) : CommandVerdict.Refused(intake.Message);
    }
}
