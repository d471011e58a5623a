using System.Globalization;
using EdgeIngest.Audit;
using EdgeIngest.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Recordings;

/// <summary>
/// Purges the recording every <see cref="Interval"/> (a few seconds: the disk budget is overrun
/// by at most that much video) and at start, and writes one <c>recording_purged</c> audit record
/// per camera and reason for each pass that removed something. A pass that fails is logged and
/// tried again at the next tick.
/// </summary>
public sealed class RecordingPurger : BackgroundLoop
{
    private readonly FootageRecording _recording;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;

    public RecordingPurger(FootageRecording recording, IAuditTrail audit, ILogger logger, TimeProvider? timeProvider = null)
        : base("recording purger", logger)
    {
        _recording = recording ?? throw new ArgumentNullException(nameof(recording));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _time = timeProvider ?? TimeProvider.System;
    }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    protected override async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        PurgeOnce();
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            PurgeOnce();
        }
    }

    /// <summary>One pass with its audit records; returns what it removed (empty when nothing, or when it failed).</summary>
    public IReadOnlyList<RecordingPurge> PurgeOnce()
    {
        try
        {
            var purges = _recording.Purge();
            foreach (var purge in purges)
            {
                _audit.Append(AuditKinds.RecordingPurged, Fields(purge));
                RecordingLog.Purged(Logger, purge.CameraId, purge.ReasonCode, purge.Segments, purge.Bytes, purge.From, purge.To);
            }

            return purges;
        }
        catch (Exception e) when (e is AuditException or IOException or UnauthorizedAccessException)
        {
            RecordingLog.PurgeFailed(Logger, e.Message);
            return [];
        }
    }

    private KeyValuePair<string, string>[] Fields(RecordingPurge purge) =>
    [
        new(AuditFields.CameraId, purge.CameraId),
        new(AuditFields.Segments, Number(purge.Segments)),
        new(AuditFields.Bytes, Number(purge.Bytes)),
        new(AuditFields.SpanFrom, purge.From.ToString("O", CultureInfo.InvariantCulture)),
        new(AuditFields.SpanTo, purge.To.ToString("O", CultureInfo.InvariantCulture)),
        new(AuditFields.Reason, purge.ReasonCode),
        purge.Reason == RecordingPurgeReason.Age
            ? new(AuditFields.RetentionHours, _recording.Retention.TotalHours.ToString("0.##", CultureInfo.InvariantCulture))
            : new(AuditFields.MaxBytes, Number(_recording.MaxBytes)),
    ];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
