using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EdgeIngest.Cameras;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Clips;

/// <summary>
/// Cuts clips from the cameras' segment rings without re-encoding: waits (bounded) for the
/// post-roll to be recorded, takes the whole segments that overlap the span, joins them with
/// ffmpeg's concat demuxer into an MP4 with its index first, and hashes it. Safe to call
/// concurrently; the segments being read are leased so the ring cannot delete them mid-cut.
/// </summary>
public sealed class ClipCutter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SegmentRecorder> _recorders;
    private readonly ClipOptions _options;
    private readonly ClipStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _ffmpegPath;

    public ClipCutter(IEnumerable<SegmentRecorder> recorders, ClipOptions options, ILogger logger, string ffmpegPath = "ffmpeg", TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(recorders);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ClipOptionsValidator.Validate(options);
        _recorders = new(recorders.Select(recorder => KeyValuePair.Create(recorder.CameraId, recorder)), StringComparer.Ordinal);
        _options = options;
        _logger = logger;
        _ffmpegPath = ffmpegPath;
        _time = timeProvider ?? TimeProvider.System;
        _store = new ClipStore(
            options.ClipDirectory ?? ClipPaths.DefaultClipDirectory, options.ClipMaxBytes, TimeSpan.FromSeconds(options.ClipMaxAgeSeconds), logger, _time);
    }

    public string ClipDirectory => _store.Directory;

    /// <summary>A camera added while running: its clips are cut from this recorder.</summary>
    public void Attach(SegmentRecorder recorder) => _recorders[recorder.CameraId] = recorder;

    /// <summary>A camera removed or restarted: cuts no longer read its old recorder.</summary>
    public void Detach(string cameraId, SegmentRecorder recorder) => _recorders.TryRemove(KeyValuePair.Create(cameraId, recorder));

    /// <summary>The clip for a read at <paramref name="moment"/>: from pre-roll before it to post-roll after it.</summary>
    public Task<Clip> CutAroundAsync(
        string cameraId, DateTimeOffset moment, CancellationToken cancellationToken = default, CancellationToken cutNow = default) =>
        CutAsync(
            cameraId,
            moment - TimeSpan.FromSeconds(_options.PreRollSeconds),
            moment + TimeSpan.FromSeconds(_options.PostRollSeconds),
            cancellationToken,
            cutNow);

    /// <summary>
    /// Cuts [<paramref name="from"/>, <paramref name="to"/>] of a camera. Returns once the segment
    /// holding <paramref name="to"/> is closed, or after <see cref="ClipOptions.CutWaitSlackSeconds"/>
    /// past <paramref name="to"/> with what exists (then <see cref="Clip.TruncatedPostRoll"/>).
    /// <paramref name="cutNow"/> ends the wait early, and the clip holds what is recorded by then:
    /// when the appliance stops, a hit's clip with part of its post-roll is worth more to an
    /// investigator than none.
    /// </summary>
    /// <exception cref="ClipException">Unknown camera, no recorded video in the span, or ffmpeg failed.</exception>
    public async Task<Clip> CutAsync(
        string cameraId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default, CancellationToken cutNow = default)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        if (to <= from)
        {
            throw new ArgumentException($"clip end {to:O} is not after its start {from:O}", nameof(to));
        }

        if (!_recorders.TryGetValue(cameraId, out var recorder))
        {
            throw new ClipException($"no segment recorder for camera '{cameraId}'");
        }

        var wait = to - _time.GetUtcNow() + TimeSpan.FromSeconds(_options.CutWaitSlackSeconds);
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cutNow))
        {
            try
            {
                await recorder.Ring.WaitForEndAsync(to, wait, waiting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cutNow.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Cut what is recorded now; the clip says its post-roll is short.
            }
        }

        using var lease = recorder.Ring.Lease(from, to);
        return await JoinAsync(recorder, lease.Segments, from, to, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cuts [<paramref name="from"/>, <paramref name="to"/>] from segment files an earlier run of the
    /// appliance left in the camera's folder (<see cref="LeftoverSegments"/>), before its recorder
    /// starts (and clears the folder): how a clip promised before a crash is still delivered.
    /// </summary>
    /// <exception cref="ClipException">Unknown camera, none of the segments in the span, or ffmpeg failed.</exception>
    public async Task<Clip> CutFromLeftoversAsync(
        string cameraId, IReadOnlyList<Segment> leftovers, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        ArgumentNullException.ThrowIfNull(leftovers);
        if (!_recorders.TryGetValue(cameraId, out var recorder))
        {
            throw new ClipException($"no segment recorder for camera '{cameraId}'");
        }

        var segments = leftovers.Where(segment => segment.Overlaps(from, to)).OrderBy(segment => segment.StartsAt).ToArray();
        return await JoinAsync(recorder, segments, from, to, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Clip> JoinAsync(
        SegmentRecorder recorder, IReadOnlyList<Segment> segments, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var cameraId = recorder.CameraId;
        var clock = Stopwatch.StartNew();
        if (segments.Count == 0)
        {
            var reason = $"camera '{cameraId}' has no recorded video between {from:O} and {to:O}";
            ClipLog.ClipFailed(_logger, cameraId, reason);
            throw new ClipException(reason);
        }

        var name = ClipName(cameraId, from);
        var clipPath = Path.Combine(_store.Directory, name + ClipStore.ClipExtension);
        var partialPath = Path.Combine(_store.Directory, name + ClipStore.PartialExtension);
        var listPath = Path.Combine(_store.Directory, name + ClipStore.ListExtension);
        try
        {
            await File.WriteAllTextAsync(listPath, ConcatList(segments), cancellationToken).ConfigureAwait(false);
            await RunConcatAsync(recorder.Url, listPath, partialPath, cancellationToken).ConfigureAwait(false);
            File.Move(partialPath, clipPath);
        }
        catch (ClipException e)
        {
            ClipLog.ClipFailed(_logger, cameraId, e.Message);
            throw;
        }
        finally
        {
            File.Delete(listPath);
            File.Delete(partialPath);
        }

        var (bytes, sha256) = await HashAsync(clipPath, cancellationToken).ConfigureAwait(false);
        var clip = new Clip(
            cameraId,
            clipPath,
            bytes,
            sha256,
            segments[0].StartsAt,
            segments[^1].EndsAt,
            from,
            to,
            TruncatedPreRoll: segments[0].StartsAt > from,
            TruncatedPostRoll: segments[^1].EndsAt < to,
            segments.Count);
        _store.Enforce(keep: clipPath);
        ClipLog.ClipCut(
            _logger, Path.GetFileName(clipPath), cameraId, clip.StartsAt, clip.EndsAt, bytes, segments.Count, clock.ElapsedMilliseconds, Truncation(clip));
        return clip;
    }

    private async Task RunConcatAsync(CameraUrl url, string listPath, string outputPath, CancellationToken cancellationToken)
    {
        var tail = new StderrTail(url);
        var timeout = TimeSpan.FromSeconds(_options.CutTimeoutSeconds);
        await using var ffmpeg = ChildProcess.Start(_ffmpegPath, FfmpegCommands.Concatenate(listPath, outputPath), line => tail.Add(line));
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            // Nothing comes on stdout; reading it to the end is how we learn ffmpeg is done.
            await ffmpeg.StandardOutput.CopyToAsync(Stream.Null, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ffmpeg.Kill();
            cancellationToken.ThrowIfCancellationRequested();
            throw new ClipException($"ffmpeg did not finish the clip within {timeout.TotalSeconds:0.#} s");
        }

        if (!await ffmpeg.WaitForExitAsync(timeout).ConfigureAwait(false) || ffmpeg.ExitCode != 0 || !File.Exists(outputPath))
        {
            var code = ffmpeg.HasExited ? ffmpeg.ExitCode.ToString(CultureInfo.InvariantCulture) : "none";
            throw new ClipException($"ffmpeg could not join the segments (exit code {code}): {tail.LastLine ?? "no output"}");
        }
    }

    /// <summary>The concat demuxer's list: one quoted absolute path per line (a quote inside is closed, escaped and reopened).</summary>
    private static string ConcatList(IReadOnlyList<Segment> segments)
    {
        var list = new StringBuilder("ffconcat version 1.0\n");
        foreach (var segment in segments)
        {
            list.Append("file '").Append(segment.Path.Replace("'", @"'\''", StringComparison.Ordinal)).Append("'\n");
        }

        return list.ToString();
    }

    private static async Task<(long Bytes, string Sha256)> HashAsync(string path, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
            return (file.Length, Convert.ToHexStringLower(hash));
        }
    }

    /// <summary>Camera, the asked-for start (UTC) and a random tail, so concurrent cuts never collide.</summary>
    private static string ClipName(string cameraId, DateTimeOffset from) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{ClipPaths.SafeName(cameraId)}-{from.UtcDateTime:yyyyMMdd'T'HHmmss'.'fff'Z'}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>What a log line says of a clip shorter than asked for ("" for a whole one).</summary>
    internal static string Truncation(Clip clip) => (clip.TruncatedPreRoll, clip.TruncatedPostRoll) switch
    {
        (true, true) => " (pre-roll and post-roll truncated)",
        (true, false) => " (pre-roll truncated: older video already left the ring)",
        (false, true) => " (post-roll truncated: the appliance stopped, or no video arrived in time)",
        _ => "",
    };
}
