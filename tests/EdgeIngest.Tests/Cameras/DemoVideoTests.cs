using System.Globalization;
using EdgeIngest.Tests.Infrastructure;

namespace EdgeIngest.Tests.Cameras;

public sealed class DemoVideoTests
{
    private static readonly TimeSpan FfprobeTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Demo_Video_Is_720p_H264_At_15_Fps_For_About_40_Seconds_In_A_Small_File()
    {
        var path = await DemoVideo.GetPathAsync();

        var probe = await ProcessRunner.RunAsync("ffprobe", [
            "-v", "error", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,r_frame_rate,pix_fmt:format=duration",
            "-of", "default=noprint_wrappers=1", path], FfprobeTimeout);

        var fields = ParseFields(probe.StandardOutput);
        Assert.Equal(0, probe.ExitCode);
        Assert.Equal("h264", fields["codec_name"]);
        Assert.Equal("1280", fields["width"]);
        Assert.Equal("720", fields["height"]);
        Assert.Equal("15/1", fields["r_frame_rate"]);
        Assert.Equal("yuv420p", fields["pix_fmt"]);
        Assert.InRange(double.Parse(fields["duration"], CultureInfo.InvariantCulture), 39.5, 40.5);
        Assert.InRange(new FileInfo(path).Length, 50_000, 2_000_000);
    }

    [Fact]
    public async Task Demo_Video_Has_A_Keyframe_Every_Second_So_Clips_Can_Be_Cut_Anywhere()
    {
        var path = await DemoVideo.GetPathAsync();

        var probe = await ProcessRunner.RunAsync("ffprobe", [
            "-v", "error", "-select_streams", "v:0", "-skip_frame", "nokey",
            "-show_entries", "frame=pts_time", "-of", "csv=p=0", path], FfprobeTimeout);

        var keyframeTimes = probe.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => double.Parse(line.Split(',')[0], CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(40, keyframeTimes.Length);
        Assert.All(keyframeTimes.Zip(keyframeTimes.Skip(1)), pair => Assert.Equal(1.0, pair.Second - pair.First, 3));
    }

    [Fact]
    public async Task Plate_List_Gives_Six_Plates_In_Order_Each_Fully_Visible_For_Seconds_Inside_The_Video()
    {
        var list = await ProcessRunner.RunAsync("bash", [DemoVideo.ScriptPath, "--list"], TimeSpan.FromSeconds(10));

        var rows = list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split('\t'))
            .ToArray();
        Assert.Equal(["7ABC123", "KXT4821", "8GHJ552", "LPR2024", "3MNO987", "TRK5150"], rows.Select(row => row[0]));
        Assert.All(rows, row =>
        {
            var visibleFrom = double.Parse(row[3], CultureInfo.InvariantCulture);
            var visibleTo = double.Parse(row[4], CultureInfo.InvariantCulture);
            Assert.True(visibleTo - visibleFrom >= 3, $"{row[0]} fully visible only {visibleTo - visibleFrom} s");
            Assert.InRange(visibleTo, 0, 40);
        });
    }

    private static Dictionary<string, string> ParseFields(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
}
