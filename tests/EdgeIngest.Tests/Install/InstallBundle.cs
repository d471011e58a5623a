using EdgeIngest.Installation;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Install;

/// <summary>
/// An unpacked installer laid out as <c>deploy/publish.sh</c> lays it out (install.sh, app/,
/// models/ with SHA256SUMS, systemd/, the example configuration), made in a temp folder from this
/// repository's deploy/ and models/ without a publish: app/ is either this test run's own build of
/// the service (hard links where it can) or a one-line stand-in where only the
/// installer's steps are under test.
/// </summary>
internal sealed class InstallBundle : IDisposable
{
    private static readonly string[] Models =
    [
        "plate-detector.onnx", "plate-recognizer.onnx", "plate-recognizer-keys.txt",
        "ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx", "ppocr_keys_v1.txt",
    ];

    private InstallBundle(string folder) => Folder = folder;

    public string Folder { get; }

    public string InstallScript => Path.Combine(Folder, "install.sh");

    public static async Task<InstallBundle> CreateAsync(bool realProgram)
    {
        var folder = Directory.CreateTempSubdirectory("edgeingest-bundle-").FullName;
        var deploy = Path.Combine(InstallLayout.Root, "deploy");
        File.Copy(Path.Combine(deploy, "install.sh"), Path.Combine(folder, "install.sh"));
        File.Copy(Path.Combine(deploy, "INSTALL.md"), Path.Combine(folder, "INSTALL.md"));
        File.Copy(Path.Combine(deploy, "edgeingest.example.yaml"), Path.Combine(folder, "edgeingest.example.yaml"));
        Directory.CreateDirectory(Path.Combine(folder, "systemd"));
        foreach (var file in new[] { "edgeingest.service", "edgeingest.tmpfiles" })
        {
            File.Copy(Path.Combine(deploy, "systemd", file), Path.Combine(folder, "systemd", file));
        }

        var models = Directory.CreateDirectory(Path.Combine(folder, "models")).FullName;
        foreach (var model in Models)
        {
            File.Copy(Path.Combine(InstallLayout.ModelsDirectory, model), Path.Combine(models, model));
        }

        await RunAsync("sh", ["-c", "cd \"$1\" && sha256sum * > SHA256SUMS", "sh", models]);

        // The regions' plate layouts, as deploy/publish.sh ships them.
        var regions = Directory.CreateDirectory(Path.Combine(models, "regions")).FullName;
        foreach (var template in Directory.EnumerateFiles(Path.Combine(InstallLayout.ModelsDirectory, "regions"), "*.txt"))
        {
            File.Copy(template, Path.Combine(regions, Path.GetFileName(template)));
        }

        await RunAsync("sh", ["-c", "cd \"$1\" && sha256sum regions/*.txt >> SHA256SUMS", "sh", models]);

        var app = Path.Combine(folder, "app");
        if (realProgram)
        {
            // Hard links where the temp folder shares the build's file system, else a copy.
            await RunAsync("sh", ["-c", "cp -al \"$1\" \"$2\" 2>/dev/null || { rm -rf \"$2\"; cp -R \"$1\" \"$2\"; }", "sh", AppContext.BaseDirectory.TrimEnd('/'), app]);
        }
        else
        {
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "edgeingest"), "#!/bin/sh\necho stand-in\n");
        }

        await RunAsync("chmod", ["755", Path.Combine(folder, "install.sh"), Path.Combine(app, "edgeingest")]);
        return new InstallBundle(folder);
    }

    /// <summary>Runs the bundle's install.sh with <paramref name="arguments"/>.</summary>
    public Task<ProcessResult> InstallAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [InstallScript, .. arguments], TimeSpan.FromSeconds(60));

    private static async Task RunAsync(string command, string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(command, arguments, TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"{command} {string.Join(' ', arguments)}: {result.StandardError}");
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
