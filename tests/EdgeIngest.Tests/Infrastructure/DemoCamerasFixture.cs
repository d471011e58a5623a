namespace EdgeIngest.Tests.Infrastructure;

/// <summary>One simulator serving the demo clip on <c>/cam1</c> and <c>/cam2</c>, shared by a test class.</summary>
public sealed class DemoCamerasFixture : IAsyncLifetime
{
    private RtspCameraSimulator? _simulator;

    public RtspCameraSimulator Simulator => _simulator ?? throw new InvalidOperationException("fixture not started");

    public async ValueTask InitializeAsync()
    {
        var demo = await DemoVideo.GetPathAsync();
        _simulator = await RtspCameraSimulator.StartAsync(new Dictionary<string, string>
        {
            ["/cam1"] = demo,
            ["/cam2"] = demo,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
