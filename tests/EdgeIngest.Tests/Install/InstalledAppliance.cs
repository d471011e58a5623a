using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Install;

/// <summary>
/// One install of this test run's real build into a staging root, shared by the tests that look
/// at the result: the copy of the program (~150 MB) is the slow part, so it is made once.
/// </summary>
public sealed class InstalledAppliance : IAsyncLifetime
{
    private InstallBundle? _bundle;
    private StagingRoot? _root;

    internal StagingRoot Root => _root ?? throw new InvalidOperationException("not installed yet");

    internal ProcessResult Result { get; private set; } = new(-1, "", "");

    public async ValueTask InitializeAsync()
    {
        _bundle = await InstallBundle.CreateAsync(realProgram: true);
        _root = StagingRoot.Create();
        await _root.AddSystemUnitsAsync();
        Result = await _bundle.InstallAsync("--root", _root.Folder);
    }

    public ValueTask DisposeAsync()
    {
        _root?.Dispose();
        _bundle?.Dispose();
        return ValueTask.CompletedTask;
    }
}
