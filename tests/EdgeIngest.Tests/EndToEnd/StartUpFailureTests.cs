using EdgeIngest.Installation;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.EndToEnd;

/// <summary>The real CLI refusing to start, with a message that says what to fix.</summary>
public sealed class StartUpFailureTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edgeingest.dll");

    [Fact]
    public async Task A_Missing_Model_File_Fails_Start_Up_With_An_Error_Naming_The_File()
    {
        using var workspace = new ApplianceWorkspace("plate,reason,priority\nABC123,Stolen,high\n");
        var models = Directory.CreateDirectory(Path.Combine(workspace.Directory, "models")).FullName;
        foreach (var file in new[] { "ch_PP-OCRv4_rec_infer.onnx", "ppocr_keys_v1.txt" })
        {
            File.Copy(Path.Combine(InstallLayout.ModelsDirectory, file), Path.Combine(models, file));
        }

        var config = workspace.WriteConfig(1883, [("entrance", "rtsp://127.0.0.1:1/none")], modelsDirectory: models);

        var (exitCode, errors) = await RunCliAsync("run", "--config", config);

        Assert.Equal(3, exitCode);
        Assert.Contains("cannot start", errors, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(models, "ch_PP-OCRv4_det_infer.onnx"), errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Invalid_Configuration_Fails_Start_Up_Naming_The_Field_And_Value()
    {
        using var workspace = new ApplianceWorkspace("plate,reason,priority\nABC123,Stolen,high\n");
        var config = workspace.WriteConfig(1883, [("entrance", "http://camera.local/stream")]);

        var (exitCode, errors) = await RunCliAsync("run", "--config", config);

        Assert.Equal(2, exitCode);
        Assert.Contains("cameras[0].url", errors, StringComparison.Ordinal);
        Assert.Contains("scheme 'http'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Signed_Hotlist_With_A_Bad_Entry_Fails_Start_Up_Naming_The_Entry_And_Field()
    {
        using var workspace = new ApplianceWorkspace("plate,reason,priority\nABC123,Stolen,high\n");
        var payload = """{"schema":"edgeingest.hotlist/2","version":3,"issued_at":"2026-11-20T12:00:00Z","entries":[{"plate":"ABC123","category":"stolen_vehicle","reason":"Stolen"},{"plate":"XYZ789","category":"stolen_vehicle","reason":"Stolen","priority":"whenever"}]}"""u8.ToArray();
        File.WriteAllBytes(Path.Combine(workspace.Directory, TestAgency.HotlistFile), TestAgency.Key.Sign("hotlist", payload).ToJson());
        var config = workspace.WriteConfig(1883, [("entrance", "rtsp://127.0.0.1:1/none")]);

        var (exitCode, errors) = await RunCliAsync("run", "--config", config);

        Assert.Equal(3, exitCode);
        Assert.Contains("entries[1]: priority 'whenever' of plate XYZ789", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Hotlist_Signed_With_Another_Key_Fails_Start_Up_Saying_So()
    {
        using var workspace = new ApplianceWorkspace("plate,reason,priority\nABC123,Stolen,high\n");
        File.WriteAllBytes(Path.Combine(workspace.Directory, TestAgency.HotlistFile), TestAgency.SignHotlist("ABC123,Stolen,high\n", 3, TestAgency.Stranger));
        var config = workspace.WriteConfig(1883, [("entrance", "rtsp://127.0.0.1:1/none")]);

        var (exitCode, errors) = await RunCliAsync("run", "--config", config);

        Assert.Equal(3, exitCode);
        Assert.Contains($"signed by key {TestAgency.Stranger.KeyId}, not by the agency key {TestAgency.Key.KeyId}", errors, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Errors)> RunCliAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Cli, .. arguments], TimeSpan.FromSeconds(60));
        return (result.ExitCode, result.StandardError);
    }
}
