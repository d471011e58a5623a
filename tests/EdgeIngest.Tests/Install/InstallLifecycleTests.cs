namespace EdgeIngest.Tests.Install;

/// <summary>
/// What happens around an install, with a stand-in program (the steps are under test, not the
/// build): a second run keeps what the owner changed, a damaged bundle changes nothing,
/// --uninstall keeps the owner's proof and --purge removes everything.
/// </summary>
public sealed class InstallLifecycleTests
{
    [Fact]
    public async Task Second_install_keeps_the_edited_configuration_and_data_gives_data_to_the_service_and_adds_no_user()
    {
        using var bundle = await InstallBundle.CreateAsync(realProgram: false);
        using var root = StagingRoot.Create();
        var first = await bundle.InstallAsync("--root", root.Folder);
        Assert.True(first.ExitCode == 0, first.StandardError);
        File.WriteAllText(root.At("/etc/edgeingest/edgeingest.yaml"), "device:\n  id: edited-by-owner\n");
        File.WriteAllText(root.At("/var/lib/edgeingest/outbox.db"), "kept");

        // As an install before the console could enroll left it: read-only to the service.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root.At("/etc/edgeingest/edgeingest.yaml"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        var second = await bundle.InstallAsync("--root", root.Folder);

        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Contains("install: system user edgeingest present", second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("install: configuration /etc/edgeingest/edgeingest.yaml kept", second.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("next: edit", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("device:\n  id: edited-by-owner\n", File.ReadAllText(root.At("/etc/edgeingest/edgeingest.yaml")));
        Assert.Equal("kept", File.ReadAllText(root.At("/var/lib/edgeingest/outbox.db")));
        Assert.Single(File.ReadAllLines(root.At("/etc/passwd")), l => l.StartsWith("edgeingest:", StringComparison.Ordinal));
        var (uid, gid) = root.Account("edgeingest")!.Value;
        Assert.StartsWith($"{uid}:{gid} ", await root.OwnerAndModeAsync("/var/lib/edgeingest/outbox.db"), StringComparison.Ordinal);
        Assert.Equal($"0:{gid} 660", await root.OwnerAndModeAsync("/etc/edgeingest/edgeingest.yaml"));
    }

    [Fact]
    public async Task Bundle_with_a_damaged_model_is_refused_naming_it_and_nothing_is_installed()
    {
        using var bundle = await InstallBundle.CreateAsync(realProgram: false);
        using var root = StagingRoot.Create();
        File.AppendAllText(Path.Combine(bundle.Folder, "models", "plate-recognizer-keys.txt"), "X\n");

        var result = await bundle.InstallAsync("--root", root.Folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("do not match models/SHA256SUMS", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.At("/opt/edgeingest")));
        Assert.Equal("", File.ReadAllText(root.At("/etc/passwd")));
    }

    [Fact]
    public async Task Install_from_the_source_tree_without_a_publish_says_how_to_make_one()
    {
        using var root = StagingRoot.Create();
        var script = Path.Combine(EdgeIngest.Installation.InstallLayout.Root, "deploy", "install.sh");

        var result = await Infrastructure.ProcessRunner.RunAsync("bash", [script, "--root", root.Folder], TimeSpan.FromSeconds(30));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no published build in", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("run deploy/publish.sh", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uninstall_keeps_config_data_and_user_and_purge_removes_them()
    {
        using var bundle = await InstallBundle.CreateAsync(realProgram: false);
        using var root = StagingRoot.Create();
        Assert.Equal(0, (await bundle.InstallAsync("--root", root.Folder)).ExitCode);

        var uninstall = await bundle.InstallAsync("--uninstall", "--root", root.Folder);

        Assert.True(uninstall.ExitCode == 0, uninstall.StandardError);
        Assert.False(Directory.Exists(root.At("/opt/edgeingest")));
        Assert.False(File.Exists(root.At("/etc/systemd/system/edgeingest.service")));
        Assert.False(File.Exists(root.At("/etc/tmpfiles.d/edgeingest.conf")));
        Assert.Null(new FileInfo(root.At("/usr/local/bin/edgeingest")).LinkTarget);
        Assert.Null(new FileInfo(root.At("/etc/systemd/system/multi-user.target.wants/edgeingest.service")).LinkTarget);
        Assert.True(File.Exists(root.At("/etc/edgeingest/edgeingest.yaml")));
        Assert.True(Directory.Exists(root.At("/var/lib/edgeingest")));
        Assert.NotNull(root.Account("edgeingest"));
        Assert.Contains("--uninstall --purge removes them", uninstall.StandardOutput, StringComparison.Ordinal);

        var purge = await bundle.InstallAsync("--uninstall", "--purge", "--root", root.Folder);

        Assert.True(purge.ExitCode == 0, purge.StandardError);
        Assert.False(Directory.Exists(root.At("/etc/edgeingest")));
        Assert.False(Directory.Exists(root.At("/var/lib/edgeingest")));
        Assert.Null(root.Account("edgeingest"));
        Assert.DoesNotContain(File.ReadAllLines(root.At("/etc/group")), l => l.StartsWith("edgeingest:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Systemd_analyze_verify_reports_a_misspelled_directive_so_a_clean_verify_means_something()
    {
        using var bundle = await InstallBundle.CreateAsync(realProgram: false);
        using var root = StagingRoot.Create();
        await root.AddSystemUnitsAsync();
        Assert.Equal(0, (await bundle.InstallAsync("--root", root.Folder)).ExitCode);
        Assert.Equal("", (await SystemdAnalyze.VerifyAsync(root)).StandardError);
        var unit = root.At("/etc/systemd/system/edgeingest.service");
        File.WriteAllText(unit, File.ReadAllText(unit).Replace("ProtectSystem=strict", "ProtectSystem=strict\nProtectSistem=strict", StringComparison.Ordinal));

        var verify = await SystemdAnalyze.VerifyAsync(root);

        Assert.Contains("Unknown key 'ProtectSistem'", verify.StandardError, StringComparison.Ordinal);
    }
}
