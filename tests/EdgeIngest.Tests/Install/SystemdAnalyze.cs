using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Install;

/// <summary>
/// <c>systemd-analyze verify --root</c> on the unit installed in a staging root. It exits 0 even for
/// an unknown directive or a bad value and only warns on stderr, so a clean unit is exit 0 with
/// nothing on stderr. It also checks that ExecStart's program exists and is executable.
/// </summary>
internal static class SystemdAnalyze
{
    public const string Program = "/usr/bin/systemd-analyze";

    public static Task<ProcessResult> VerifyAsync(StagingRoot root) =>
        ProcessRunner.RunAsync(Program, ["verify", "--root=" + root.Folder, "/etc/systemd/system/edgeingest.service"], TimeSpan.FromSeconds(30));
}
