using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Install;

/// <summary>
/// <c>install.sh --root</c> with the real build: the tree, owners and modes the issue asks for,
/// the messages a technician reads, and a program that runs from where it was installed.
/// </summary>
public sealed class InstalledTreeTests(InstalledAppliance appliance) : IClassFixture<InstalledAppliance>
{
    private StagingRoot Root => appliance.Root;

    [Fact]
    public void Install_succeeds_and_tells_the_technician_what_to_do_next()
    {
        Assert.True(appliance.Result.ExitCode == 0, appliance.Result.StandardError + appliance.Result.StandardOutput);
        var output = appliance.Result.StandardOutput;
        Assert.Contains("install: created system user edgeingest (no login shell, no home)", output, StringComparison.Ordinal);
        Assert.Contains("install: program installed in /opt/edgeingest (", output, StringComparison.Ordinal);
        Assert.Contains("install: configuration /etc/edgeingest/edgeingest.yaml created from the example: edit it before starting", output, StringComparison.Ordinal);
        Assert.Contains("install: next: edit /etc/edgeingest/edgeingest.yaml (device id, cameras, broker, certificates), then: systemctl start edgeingest", output, StringComparison.Ordinal);
        Assert.Equal("", appliance.Result.StandardError);
    }

    [Fact]
    public void The_service_user_is_a_system_account_without_login_shell_or_home()
    {
        var account = Root.Account("edgeingest");
        Assert.NotNull(account);
        Assert.InRange(account.Value.Uid, 1, 999);
        Assert.Equal(("/nonexistent", "/usr/sbin/nologin"), Root.ShellAndHome("edgeingest"));
        Assert.False(Directory.Exists(Root.At("/nonexistent")));
    }

    [Fact]
    public async Task Config_is_root_owned_and_writable_by_the_service_group_only_and_data_belongs_to_the_service()
    {
        var (uid, gid) = Root.Account("edgeingest")!.Value;
        Assert.Equal($"0:{gid} 770", await Root.OwnerAndModeAsync("/etc/edgeingest"));
        Assert.Equal($"0:{gid} 660", await Root.OwnerAndModeAsync("/etc/edgeingest/edgeingest.yaml"));
        Assert.Equal($"0:{gid} 640", await Root.OwnerAndModeAsync("/etc/edgeingest/edgeingest.example.yaml"));
        Assert.Equal($"{uid}:{gid} 750", await Root.OwnerAndModeAsync("/var/lib/edgeingest"));
    }

    [Fact]
    public async Task Program_and_models_are_root_owned_and_read_only_to_the_service()
    {
        Assert.Equal("0:0 755", await Root.OwnerAndModeAsync("/opt/edgeingest"));
        Assert.Equal("0:0 755", await Root.OwnerAndModeAsync("/opt/edgeingest/edgeingest"));
        Assert.Equal("0:0 644", await Root.OwnerAndModeAsync("/opt/edgeingest/edgeingest.dll"));
        Assert.Equal("0:0 644", await Root.OwnerAndModeAsync("/opt/edgeingest/models/plate-detector.onnx"));
        Assert.Equal("0:0 644", await Root.OwnerAndModeAsync("/opt/edgeingest/models/ch_PP-OCRv4_rec_infer.onnx"));
        Assert.Equal("/opt/edgeingest/edgeingest", new FileInfo(Root.At("/usr/local/bin/edgeingest")).LinkTarget);
        Assert.False(Directory.Exists(Root.At("/opt/edgeingest.new")), "the staging copy is left behind");
    }

    [Fact]
    public async Task Unit_and_segment_ring_are_installed_and_the_unit_is_enabled_at_boot()
    {
        Assert.Equal("0:0 644", await Root.OwnerAndModeAsync("/etc/systemd/system/edgeingest.service"));
        Assert.Equal("d /dev/shm/edgeingest 0750 edgeingest edgeingest -",
            File.ReadAllLines(Root.At("/etc/tmpfiles.d/edgeingest.conf")).Single(l => l.StartsWith("d ", StringComparison.Ordinal)));
        Assert.Equal("/etc/systemd/system/edgeingest.service",
            new FileInfo(Root.At("/etc/systemd/system/multi-user.target.wants/edgeingest.service")).LinkTarget);
    }

    [Fact]
    public async Task Installed_unit_passes_systemd_analyze_verify_without_a_warning()
    {
        Assert.Contains("ReadWritePaths=/var/lib/edgeingest /etc/edgeingest", File.ReadAllLines(Root.At("/etc/systemd/system/edgeingest.service")));
        var verify = await SystemdAnalyze.VerifyAsync(Root);
        Assert.True(verify.ExitCode == 0 && verify.StandardError.Length == 0,
            $"systemd-analyze verify exited {verify.ExitCode}: {verify.StandardError}");
    }

    [Fact]
    public async Task Installed_program_runs_from_opt_and_prints_its_help()
    {
        var help = await ProcessRunner.RunAsync(Root.At("/opt/edgeingest/edgeingest"), ["--help"], TimeSpan.FromSeconds(30), workingDirectory: "/");
        Assert.True(help.ExitCode == 0, help.StandardError);
        Assert.Contains("run", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("licence-plate recognition", help.StandardOutput, StringComparison.Ordinal);
    }
}
