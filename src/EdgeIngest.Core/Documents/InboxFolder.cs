using System.Globalization;
using EdgeIngest.Events;
using EdgeIngest.Hosting;
using EdgeIngest.Outbox;
using EdgeIngest.Signing;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Documents;

/// <summary>
/// For agencies without MQTT: signed documents copied into <c>{storage}/inbox/</c> are picked up
/// (polled every 5 s), judged like any other, and moved to <c>inbox/accepted/</c> or
/// <c>inbox/rejected/</c>, the latter with <c>NAME.reason.txt</c> saying why. A file still being
/// written (changed in the last 2 s), a hidden file and a <c>.tmp</c>/<c>.part</c> file are left
/// for a later poll. Answers also go to <c>command-results</c>, when an outbox is given.
/// </summary>
public sealed class InboxFolder : BackgroundLoop
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private readonly DocumentReception _reception;
    private readonly DurableOutbox? _outbox;
    private readonly TopicLayout? _topics;
    private readonly TimeProvider _time;

    public InboxFolder(string storageDirectory, DocumentReception reception, ILogger logger, DurableOutbox? outbox = null, TopicLayout? topics = null, TimeProvider? time = null)
        : base("inbox folder", logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageDirectory);
        DirectoryPath = Path.Combine(storageDirectory, "inbox");
        _reception = reception ?? throw new ArgumentNullException(nameof(reception));
        _outbox = outbox;
        _topics = topics;
        _time = time ?? TimeProvider.System;
    }

    public string DirectoryPath { get; }

    public string AcceptedPath => Path.Combine(DirectoryPath, "accepted");

    public string RejectedPath => Path.Combine(DirectoryPath, "rejected");

    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>How long a file must be unchanged before it is read (so a copy in progress is not judged half-written).</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Judges every settled file in the inbox now; returns how many were handled.</summary>
    public int ScanOnce()
    {
        Directory.CreateDirectory(DirectoryPath);
        var handled = 0;
        var now = _time.GetUtcNow();
        foreach (var path in Directory.EnumerateFiles(DirectoryPath).Order(StringComparer.Ordinal).ToList())
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var info = new FileInfo(path);
            if (now - new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero) < SettleTime)
            {
                continue;
            }

            Handle(path, name, info.Length, now);
            handled++;
        }

        return handled;
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                ScanOnce();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                DocumentReceptionLog.InboxMoveFailed(Logger, DirectoryPath, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false));
    }

    private void Handle(string path, string name, long length, DateTimeOffset now)
    {
        DocumentOutcome outcome;
        if (length > SignedDocument.MaxBytes)
        {
            outcome = _reception.Receive(ReadOnlyMemory<byte>.Empty, DocumentChannel.InboxFile, $"{path} ({length:N0} bytes, over the {SignedDocument.MaxBytes:N0}-byte limit)", now);
        }
        else
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                DocumentReceptionLog.InboxMoveFailed(Logger, path, e.Message);
                return;
            }

            outcome = _reception.Receive(bytes, DocumentChannel.InboxFile, path, now);
        }

        if (outcome.ResultPayload is { } result && _outbox is not null && _topics is not null)
        {
            _outbox.Enqueue(new OutgoingMessage(_topics.CommandResults, result, outcome.AnswerId));
        }

        var folder = outcome.Accepted ? AcceptedPath : RejectedPath;
        try
        {
            Directory.CreateDirectory(folder);
            var destination = FreeName(folder, name, now);
            if (!outcome.Accepted)
            {
                File.WriteAllText(destination + ".reason.txt", $"{outcome.Reason}: {outcome.Message}{(outcome.Repeated ? " (received before)" : "")}{Environment.NewLine}");
            }

            File.Move(path, destination);
            DocumentReceptionLog.InboxFileHandled(Logger, name, outcome.Accepted ? "accepted" : $"rejected ({outcome.Reason})", destination);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DocumentReceptionLog.InboxMoveFailed(Logger, path, e.Message);
        }
    }

    /// <summary>The name in <paramref name="folder"/>, made unique with the time when a file of that name was handled before.</summary>
    private static string FreeName(string folder, string name, DateTimeOffset now)
    {
        var destination = Path.Combine(folder, name);
        return File.Exists(destination)
            ? Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}.{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}{Path.GetExtension(name)}")
            : destination;
    }
}
