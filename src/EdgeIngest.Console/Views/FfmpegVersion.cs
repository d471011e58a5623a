using System.Diagnostics;

namespace EdgeIngest.WebConsole.Views;

/// <summary>The first line of <c>ffmpeg -version</c>, asked once per process (it does not change while the service runs).</summary>
internal static class FfmpegVersion
{
    private static readonly Lazy<Task<string>> Line = new(() => AskAsync("ffmpeg"));

    public static Task<string> GetAsync() => Line.Value;

    private static async Task<string> AskAsync(string ffmpeg)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(ffmpeg, "-hide_banner -version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("it did not start");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var first = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(first) ? "ffmpeg printed no version" : first.Trim();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or OperationCanceledException or IOException)
        {
            return $"ffmpeg cannot be asked its version: {e.Message}";
        }
    }
}
