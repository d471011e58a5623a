namespace EdgeIngest.Demo;

/// <summary>
/// The demo's hotlist: three of the six plates in the generated video (see
/// deploy/demo/make-demo-video.sh --list). The other three are read but stay on the box.
/// </summary>
internal static class DemoHotlist
{
    public const string Csv = """
        plate,reason,priority
        7ABC123,Stolen vehicle,critical
        8GHJ552,Wanted in connection with a burglary,high
        TRK5150,Expired registration,low
        """;
}
