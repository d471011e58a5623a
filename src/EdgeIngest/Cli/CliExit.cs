namespace EdgeIngest.Cli;

/// <summary>Exit codes of the agency-side signing commands (hotlist, agreement).</summary>
internal static class CliExit
{
    public const int Ok = 0;

    /// <summary>Options missing or contradictory (System.CommandLine's own parse errors exit 1).</summary>
    public const int Usage = 2;

    /// <summary>An input file that cannot be used; the message names file, line or field.</summary>
    public const int BadInput = 3;

    /// <summary>The broker could not be reached or refused the publish.</summary>
    public const int PublishFailed = 4;

    public static async Task<int> FailAsync(string command, int code, string message)
    {
        await Console.Error.WriteLineAsync($"edgeingest {command}: {message}").ConfigureAwait(false);
        return code;
    }
}
