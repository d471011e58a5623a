using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Install;

/// <summary>
/// An empty target system in a temp folder for <c>install.sh --root</c>: empty
/// <c>etc/passwd</c> and <c>etc/group</c> (so the service's account is created in them, not on
/// this machine), and a copy of this machine's systemd units, which
/// <c>systemd-analyze verify --root</c> needs to resolve the unit's dependencies.
/// </summary>
internal sealed class StagingRoot : IDisposable
{
    private StagingRoot(string path) => Folder = path;

    public string Folder { get; }

    public static StagingRoot Create()
    {
        var path = Directory.CreateTempSubdirectory("edgeingest-root-").FullName;
        Directory.CreateDirectory(Path.Combine(path, "etc"));
        File.WriteAllText(Path.Combine(path, "etc", "passwd"), "");
        File.WriteAllText(Path.Combine(path, "etc", "group"), "");
        return new StagingRoot(path);
    }

    /// <summary>A path on the target, e.g. <c>/etc/edgeingest</c>, inside this root.</summary>
    public string At(string targetPath) => Folder + targetPath;

    /// <summary>The uid and gid of <paramref name="user"/> in this root's etc/passwd, or null.</summary>
    public (int Uid, int Gid)? Account(string user)
    {
        foreach (var line in File.ReadAllLines(At("/etc/passwd")))
        {
            var fields = line.Split(':');
            if (fields.Length >= 7 && fields[0] == user)
            {
                return (int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>The login shell and home of <paramref name="user"/> in this root's etc/passwd.</summary>
    public (string Home, string Shell) ShellAndHome(string user)
    {
        var fields = File.ReadAllLines(At("/etc/passwd")).Select(l => l.Split(':')).Single(f => f[0] == user);
        return (fields[5], fields[6]);
    }

    /// <summary><c>uid:gid mode</c> of a target path, e.g. <c>0:999 750</c>.</summary>
    public async Task<string> OwnerAndModeAsync(string targetPath)
    {
        var result = await ProcessRunner.RunAsync("stat", ["-c", "%u:%g %a", At(targetPath)], TimeSpan.FromSeconds(10));
        Assert.True(result.ExitCode == 0, $"stat {targetPath}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    /// <summary>Copies this machine's systemd units into the root, for <c>systemd-analyze verify --root</c>.</summary>
    public async Task AddSystemUnitsAsync()
    {
        var units = At("/usr/lib/systemd");
        Directory.CreateDirectory(units);
        var copy = await ProcessRunner.RunAsync("cp", ["-R", "/lib/systemd/system", units], TimeSpan.FromSeconds(20));
        Assert.True(copy.ExitCode == 0, copy.StandardError);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
