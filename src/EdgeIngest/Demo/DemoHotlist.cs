namespace EdgeIngest.Demo;

/// <summary>
/// The demo's hotlist: three of the six plates in the generated video (see
/// deploy/demo/make-demo-video.sh --list). The other three are read but stay on the box. The demo
/// signs it with its own agency key (<c>.demo/agency-keys/</c>), as an agency would.
/// </summary>
internal static class DemoHotlist
{
    public const string Csv = """
        plate,category,reason,priority
        7ABC123,stolen_vehicle,Stolen vehicle,critical
        8GHJ552,wanted_person,Wanted in connection with a burglary,high
        TRK5150,bolo,Expired registration,low
        """;
}
