using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Commands;
using EdgeIngest.Configuration;
using EdgeIngest.Documents;
using EdgeIngest.Enrollment;
using EdgeIngest.Events;
using EdgeIngest.Footage;
using EdgeIngest.Hits;
using EdgeIngest.Hotlists;
using EdgeIngest.Interop.Jpeg;
using EdgeIngest.Motion;
using EdgeIngest.Outbox;
using EdgeIngest.Publishing;
using EdgeIngest.Reads;
using EdgeIngest.Reads.Regions;
using EdgeIngest.Recordings;
using EdgeIngest.Records;
using EdgeIngest.Tracks;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Pipeline;

/// <summary>
/// The whole appliance in one process, built from the configuration in start-up order: hotlist,
/// models (a missing or mismatched model fails here, naming the file), the durable outbox (an
/// unusable outbox file fails here, naming the file), agency link with its command inbox, cameras
/// and their segment recorders for hit clips.
/// Each camera runs independently: one that fails is retried on its own while the others read.
/// </summary>
public sealed class Appliance : IAsyncDisposable
{
    private static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(30);
    private readonly RecognizerPool _recognizers;
    private readonly HitSnapshots _snapshots;
    private readonly DurableOutbox _outbox;
    private readonly AgencyConnection _connection;
    private readonly OutboxSender _sender;
    private readonly HeartbeatSender _heartbeats;
    private readonly ReadRouter _router;
    private readonly HitCommitter _committer;
    private readonly HotlistHolder _hotlists;
    private readonly CommandInbox _commands;

    // Signed hotlists and agreements (issue 18): the rules in force, the topic inbox and the inbox folder.
    private readonly SignedDocuments _documents;

    // The audit, the local records of reads, hits and evidence, and their purge (issue 18).
    private readonly OnBoxRecords _onBox;
    private readonly DocumentInbox _documentInbox;
    private readonly InboxFolder _inboxFolder;
    private readonly HitClipSender? _clips;
    private readonly ClipPromiseRecovery _clipRecovery;

    // The continuous recording on disk that footage requests are cut from (issue 21), and its purge.
    private readonly FootageRecording _recording;
    private readonly RecordingPurger _recordingPurger;
    private readonly bool _recordingEnabled;
    private readonly double _segmentSeconds;

    // Footage requests (issue 21): the agency's requests, the owner's answers and their delivery.
    private readonly FootageRequestStore _footageStore;
    private readonly FootageService _footage;
    private readonly CameraSet _cameras;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private Task _running = Task.CompletedTask;

    private Appliance(EdgeIngestConfig config, ILoggerFactory loggers)
    {
        _logger = loggers.CreateLogger("EdgeIngest");

        // The audit first: the start (and a changed configuration) is its first record here, and
        // everything after it (documents, disclosures, purges) appends to it.
        _onBox = OnBoxRecords.Open(
            config.Storage.Directory,
            config.SourceFile ?? throw new ArgumentException("the configuration must come from a file (ConfigLoader.Load): its changes are audited", nameof(config)),
            AgencyConnection.DeviceVersion,
            () => _documents!.Agreements.Current?.Agreement.Retention ?? _documents.Agreements.LocalRetention,
            TimeProvider.System,
            loggers);

        // The newest signed hotlist and agreement the agency sent (stored under the storage folder)
        // win over the configured files.
        try
        {
            _documents = SignedDocuments.Open(config, _onBox.Audit, loggers, config.Storage.RetentionDays.ToRetention());
        }
        catch
        {
            DisposeSynchronously(_onBox);
            throw;
        }

        _hotlists = _documents.Hotlists;
        var topics = Topics = new TopicLayout(config.Broker.TopicPrefix, config.Device.Id);
        ApplianceLog.Starting(_logger, config.Device.Id, config.Cameras.Count, _hotlists.Current.Hotlist.Count, config.Sharing.Policy, topics.Hits);

        try
        {
            _recognizers = CreateRecognizers(config.Recognition);
        }
        catch
        {
            _documents.Dispose();
            DisposeSynchronously(_onBox);
            throw;
        }

        try
        {
            _outbox = DurableOutbox.Open(
                new OutboxOptions
                {
                    FilePath = Path.Combine(config.Storage.Directory, OutboxOptions.FileName),
                    BudgetBytes = config.Storage.OutboxBudgetMb * 1024L * 1024L,
                },
                topics,
                loggers.CreateLogger("EdgeIngest.Outbox"));
        }
        catch
        {
            _recognizers.Dispose();
            _documents.Dispose();
            DisposeSynchronously(_onBox);
            throw;
        }

        try
        {
            _footageStore = FootageRequestStore.Open(config.Storage.Directory);
        }
        catch
        {
            _outbox.Dispose();
            _recognizers.Dispose();
            _documents.Dispose();
            DisposeSynchronously(_onBox);
            throw;
        }

        try
        {
            _snapshots = new HitSnapshots(new TurboJpegCodec());
            var eventLogger = loggers.CreateLogger("EdgeIngest.Events");
            _connection = new AgencyConnection(MqttOptionsFrom(config), topics, eventLogger);
            _sender = new OutboxSender(_outbox, _connection, eventLogger);
            if (config.Registration.File is { } registration)
            {
                // Checked at start (ConfigValidator); the agency's registry keeps the latest, retained.
                _connection.PublishOnConnect(topics.Registration, RegistrationJson.Write(RegistrationJson.ReadFile(registration), indented: false));
            }

            var documentLogger = loggers.CreateLogger("EdgeIngest.Documents");
            _documentInbox = new DocumentInbox(_documents.Reception, _outbox, topics, documentLogger);
            _connection.SubscribeOnConnect(topics.Hotlist, 1, _documentInbox.OnHotlistMessage);
            _connection.SubscribeOnConnect(topics.Agreement, 1, _documentInbox.OnAgreementMessage);
            _inboxFolder = new InboxFolder(config.Storage.Directory, _documents.Reception, documentLogger, _outbox, topics);

            var clipLogger = loggers.CreateLogger("EdgeIngest.Clips");
            var recordingLogger = loggers.CreateLogger("EdgeIngest.Recordings");
            _recordingEnabled = config.Recording.Enabled;
            _segmentSeconds = config.Clips.SegmentSeconds;

            // Opened even when recording is off: what an earlier run recorded still leaves on time.
            _recording = FootageRecording.Open(
                config.Recording.Directory ?? Path.Combine(config.Storage.Directory, RecordingConfig.DefaultSubdirectory),
                config.Cameras.Select(camera => camera.Id),
                (long)(config.Recording.MaxGb * 1024 * 1024 * 1024),
                RecordingRetentionOf(config),
                recordingLogger,
                ffmpegPath: config.Cameras.FirstOrDefault()?.FfmpegPath ?? "ffmpeg");
            _recordingPurger = new RecordingPurger(_recording, _onBox.Audit, recordingLogger);

            // Footage requests come in as commands, so they are ready before the command inbox is.
            var footageLogger = loggers.CreateLogger("EdgeIngest.Footage");
            var footageRequests = new FootageRequests(_footageStore, _recording, _documents.Agreements, _onBox.Audit, _outbox, footageLogger);
            _footage = new FootageService(footageRequests, new FootageDelivery(footageRequests, _outbox, _onBox.Store, footageLogger), footageLogger);
            var commandLogger = loggers.CreateLogger("EdgeIngest.Commands");
            _commands = new CommandInbox(new CommandProcessor(config.Device.Id, _documents.Reception, commandLogger, footage: footageRequests), _outbox, topics, commandLogger);
            _connection.SubscribeOnConnect(topics.Commands, 1, _commands.OnMessage);

            ClipCutter? cutter = null;
            if (config.Clips.Enabled)
            {
                cutter = new ClipCutter([], config.Clips, clipLogger);
                _clips = new HitClipSender(cutter, _outbox, clipLogger, _onBox.Store);
            }

            var readLogger = loggers.CreateLogger("EdgeIngest.Reads");
            _committer = new HitCommitter(
                config.Device.Id,
                _snapshots,
                topics,
                _outbox,
                _onBox.Store,
                _onBox.Audit,
                () => _documents.Agreements.Current?.Agreement.Agency ?? $"the agency broker {config.Broker.Host} (no signed agreement)",
                readLogger,
                _clips,
                new ClipPromiseJson(config.Clips.PreRollSeconds, config.Clips.PostRollSeconds));
            _router = new ReadRouter(
                _hotlists,
                _documents.Agreements,
                new PassFilter(TimeSpan.FromSeconds(config.Recognition.RepeatSuppressionSeconds)),
                _committer);

            var routing = new Lock();
            var tracking = TrackerOptionsFrom(config);
            LiveCamera Build(CameraOptions camera)
            {
                var logger = loggers.CreateLogger($"EdgeIngest.Cameras.{camera.Id}");
                var ingest = new CameraIngest(camera, logger);
                var zone = DetectionZone.From(camera.Zone);
                var motion = camera.Motion.Enabled ? new MotionGate(zone, camera.Motion) : null;
                var worker = new CameraWorker(ingest, _recognizers, routing, new PlateTracker(camera.Id, tracking), _router, logger, motion, zone, config.Recognition.ReadNewestFrame);
                // One recorder feeds both the RAM ring (hit clips) and the recording on disk.
                var recorder = config.Clips.Enabled || config.Recording.Enabled
                    ? new SegmentRecorder(camera, config.Clips, clipLogger, sink: config.Recording.Enabled ? _recording : null)
                    : null;
                _recording.Track(camera.Id);
                return new LiveCamera(camera, ingest, worker, recorder);
            }

            _cameras = new CameraSet(config.Cameras, Build, cutter);
            CameraEditor = new CameraEditor(config, _cameras, _onBox.Audit);
            _clipRecovery = new ClipPromiseRecovery(
                _outbox, cutter, [.. _cameras.Current.Select(c => c.Recorder).OfType<SegmentRecorder>()], config.Clips.SegmentSeconds, clipLogger);

            var heartbeat = new HeartbeatBuilder(config.Device.Id, () => _cameras.Current, _outbox, config.Storage.Directory, TimeProvider.System, _onBox.Audit);
            _heartbeats = new HeartbeatSender(_connection, topics.Heartbeat, TimeSpan.FromSeconds(config.Broker.HeartbeatSeconds), heartbeat.BuildPayload, eventLogger);
        }
        catch
        {
            _footageStore.Dispose();
            _outbox.Dispose();
            _recognizers.Dispose();
            _documents.Dispose();
            DisposeSynchronously(_onBox);
            throw;
        }
    }

    // A constructor that fails cannot await; the records' disposal only writes the stop record.
    private static void DisposeSynchronously(OnBoxRecords records) => records.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The cameras at work; the console adds, changes and removes them while the appliance runs.</summary>
    public CameraSet CameraSet => _cameras;

    /// <summary>The owner's camera changes: validated, written to the configuration file, applied live, audited.</summary>
    public CameraEditor CameraEditor { get; }

    /// <summary>The cameras' ingests at this moment.</summary>
    public IReadOnlyList<CameraIngest> Cameras => [.. _cameras.Current.Select(c => c.Ingest)];

    /// <summary>Per camera, the worker that analyses its frames (same order as <see cref="Cameras"/>).</summary>
    public IReadOnlyList<CameraWorker> Workers => [.. _cameras.Current.Select(c => c.Worker)];

    public ReadRouter Router => _router;

    /// <summary>The audit and the box's own records of reads, hits and evidence.</summary>
    public OnBoxRecords Records => _onBox;

    /// <summary>The hotlist in use; the agency replaces it with a signed list (hotlist topic, inbox folder or <c>hotlist.replace</c>).</summary>
    public HotlistHolder Hotlists => _hotlists;

    /// <summary>The data-sharing agreement in force (or none: local policy); the hit path asks it about every match.</summary>
    public Agreements.AgreementHolder Agreements => _documents.Agreements;

    /// <summary>Judges every signed hotlist and agreement (topics, inbox folder, hotlist.replace).</summary>
    public DocumentReception Documents => _documents.Reception;

    /// <summary>Per camera, the recorder of the segment ring that hit clips are cut from (empty when clips are off).</summary>
    public IReadOnlyList<SegmentRecorder> Recorders => [.. _cameras.Current.Select(c => c.Recorder).OfType<SegmentRecorder>()];

    /// <summary>
    /// The continuous recording on disk (docs/footage.md): what is held per camera, a window's
    /// segments, holds against the age purge, stills. Always there; empty of new video when
    /// <c>recording.enabled</c> is false.
    /// </summary>
    public IFootageRecording Recording => _recording;

    /// <summary>Per camera, the recording on disk: segments, bytes, the span held, failed copies.</summary>
    public IReadOnlyList<RecordingStatus> RecordingStatus => [.. _recording.Cameras.Select(_recording.GetStatus)];

    /// <summary>
    /// The agency's footage requests and the owner's answers (docs/footage.md): the console's
    /// Requests page lists them and approves or declines through this.
    /// </summary>
    public FootageRequests FootageRequests => _footage.Requests;

    /// <summary>This device's topics (<c>Commands</c>, <c>CommandResults</c>, …).</summary>
    public TopicLayout Topics { get; }

    public OutboxSender Sender => _sender;

    /// <summary>The durable queue to the agency. Hook for command results: <c>Outbox.Enqueue(new OutgoingMessage(topics.CommandResults, json, commandId))</c>.</summary>
    public DurableOutbox Outbox => _outbox;

    /// <summary>The agency link. Hook for commands: <c>Connection.SubscribeOnConnect(topics.Commands, 1, handler)</c> before <see cref="RunAsync"/>.</summary>
    public AgencyConnection Connection => _connection;

    /// <summary>Builds the appliance; throws with a clear message when something it needs is wrong.</summary>
    public static Appliance Create(EdgeIngestConfig config, ILoggerFactory loggers) => new(config, loggers);

    /// <summary>Runs until cancelled (or disposed), then stops cameras first and gives queued events a moment to leave.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        _running = RunUntilStoppedAsync(cancellationToken);
        return _running;
    }

    private async Task RunUntilStoppedAsync(CancellationToken stop)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, _lifetime.Token);
        var cancellationToken = linked.Token;

        // Before any recorder starts: a recorder's start clears its segment folder, which may
        // still hold the video of a clip a crash interrupted.
        await _clipRecovery.RecoverAsync(cancellationToken).ConfigureAwait(false);
        KeepRecorderLeftovers();

        // Before the purge and the commands: overdue requests expire, and the open requests' windows
        // are held again (holds live in memory) before the first purge or a new request.
        _footage.Prepare();
        _recordingPurger.Start();
        _footage.Start();
        _commands.Start();
        _onBox.Start();
        _documentInbox.Start();
        _inboxFolder.Start();
        _clips?.Start();
        _committer.Start();
        _connection.Start();
        _sender.Start();
        _heartbeats.Start();
        await _cameras.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var health = new PeriodicTimer(HealthInterval);
            while (await health.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                LogHealth();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown requested.
        }
        finally
        {
            // Order matters: no frame may be in recognition when the models are released.
            await _cameras.StopCamerasAsync().ConfigureAwait(false);

            // Every pass the workers reported is committed (and its clip requested) before the clips stop.
            await _committer.StopAsync().ConfigureAwait(false);

            // Cuts still waiting for post-roll give up (and are reported as drops) before the
            // recorders they read from stop.
            if (_clips is not null)
            {
                await _clips.StopAsync().ConfigureAwait(false);
            }

            await _cameras.StopRecordersAsync().ConfigureAwait(false);
            await _recordingPurger.StopAsync().ConfigureAwait(false);
            await _commands.StopAsync().ConfigureAwait(false);
            await _footage.StopAsync().ConfigureAwait(false);
            await _documentInbox.StopAsync().ConfigureAwait(false);
            await _inboxFolder.StopAsync().ConfigureAwait(false);
            await _heartbeats.StopAsync().ConfigureAwait(false);
            await _sender.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await _connection.StopAsync().ConfigureAwait(false);
        }

        LogHealth();
        ApplianceLog.Stopped(_logger);
    }

    public void LogHealth()
    {
        foreach (var camera in _cameras.Current)
        {
            var status = camera.Ingest.GetStatus();
            var worker = camera.Worker;
            var failure = status.LastFailure is { } f && status.State != CameraState.Streaming ? $" — {f.Cause}: {f.Message}" : "";
            ApplianceLog.CameraHealth(_logger, status.CameraId, status.State.ToString().ToLowerInvariant(), status.FramesIn, worker.FramesAnalysed, worker.FramesSkippedStill, status.FramesDropped + worker.FramesSkippedBehind, status.Restarts, failure);
        }

        foreach (var status in RecordingStatus)
        {
            ApplianceLog.RecordingHealth(
                _logger,
                status.CameraId,
                status.Segments,
                status.Bytes,
                status.OldestAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none",
                status.NewestAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none",
                status.KeepFailures > 0 ? $", {status.KeepFailures} segments could not be copied" : "");
        }

        var backlog = _outbox.GetStatistics();
        var oldest = backlog.OldestCreatedAt is { } at ? $", oldest {(DateTimeOffset.UtcNow - at).TotalSeconds:0} s old" : "";
        ApplianceLog.EventHealth(_logger, _router.Hits, _router.Reads, _sender.Delivered, _connection.IsConnected ? "connected" : "not connected", backlog.Events, backlog.ClipMessages, backlog.Bytes, oldest);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposed while still running (a caller that failed before stopping it): stop the run
        // first, so no frame is in recognition when the models are released — that would crash
        // in native code rather than throw.
        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The run ended the way it was asked to.
        }

        _lifetime.Dispose();
        await _cameras.DisposeAsync().ConfigureAwait(false);
        await _committer.DisposeAsync().ConfigureAwait(false);
        if (_clips is not null)
        {
            await _clips.DisposeAsync().ConfigureAwait(false);
        }

        await _recordingPurger.DisposeAsync().ConfigureAwait(false);
        await _commands.DisposeAsync().ConfigureAwait(false);
        await _footage.DisposeAsync().ConfigureAwait(false);
        await _documentInbox.DisposeAsync().ConfigureAwait(false);
        await _inboxFolder.DisposeAsync().ConfigureAwait(false);
        await _heartbeats.DisposeAsync().ConfigureAwait(false);
        await _sender.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _footageStore.Dispose();
        _outbox.Dispose();
        _snapshots.Dispose();

        // Last: the stop is the final record of this run.
        await _onBox.DisposeAsync().ConfigureAwait(false);
        _recognizers.Dispose();
        _documents.Dispose();
    }

    /// <summary>
    /// Before the recorders start (a start clears the RAM ring): what the last run's recorders left
    /// there and did not reach the disk (the segment being written at a kill) joins the recording.
    /// </summary>
    private void KeepRecorderLeftovers()
    {
        if (!_recordingEnabled)
        {
            return;
        }

        foreach (var camera in _cameras.Current)
        {
            if (camera.Recorder is { } recorder)
            {
                _recording.KeepLeftovers(camera.Id, LeftoverSegments.Read(recorder.Ring.Directory, _segmentSeconds));
            }
        }
    }

    /// <summary>The owner's <c>recording.retention_hours</c>, shortened by the agreement's <c>footage.recording_hours</c> while it is in force.</summary>
    private Func<TimeSpan> RecordingRetentionOf(EdgeIngestConfig config) =>
        () => RecordingRetention.Effective(config.Recording.RetentionHours, _documents.Agreements.Current?.Agreement, DateTimeOffset.UtcNow);

    /// <summary><c>recognition.parallel_frames</c> copies of the models; one that fails to load disposes those made before it.</summary>
    private static RecognizerPool CreateRecognizers(RecognitionConfig recognition)
    {
        var options = RecognizerOptions(recognition);
        var made = new List<IPlateRecognizer>(recognition.ParallelFrames);
        try
        {
            for (var i = 0; i < recognition.ParallelFrames; i++)
            {
                made.Add(PaddleOcrPlateRecognizer.Create(options));
            }
        }
        catch
        {
            made.ForEach(r => r.Dispose());
            throw;
        }

        return new RecognizerPool(made);
    }

    private static PlateRecognizerOptions RecognizerOptions(RecognitionConfig recognition)
    {
        var options = new PlateRecognizerOptions
        {
            DetectorLongSide = recognition.DetectorLongSide,
            IntraOpThreads = recognition.Threads,
            Finder = recognition.Finder == "plate" ? PlateFinder.Plate : PlateFinder.Text,
            Reader = recognition.Reader == "plate" ? PlateReader.Plate : PlateReader.Text,
            Regions = recognition.Region.Names,
        };
        return recognition.ModelsDirectory is not { } models ? options : options with
        {
            DetectorModelPath = Path.Combine(models, PlateRecognizerOptions.DetectorModelFile),
            RecognizerModelPath = Path.Combine(models, PlateRecognizerOptions.RecognizerModelFile),
            KeysPath = Path.Combine(models, PlateRecognizerOptions.KeysFile),
            PlateDetectorModelPath = Path.Combine(models, PlateRecognizerOptions.PlateDetectorModelFile),
            PlateRecognizerModelPath = Path.Combine(models, PlateRecognizerOptions.PlateRecognizerModelFile),
            PlateKeysPath = Path.Combine(models, PlateRecognizerOptions.PlateKeysFile),
            RegionsDirectory = PlateRegions.DirectoryFor(models),
        };
    }

    private static TrackerOptions TrackerOptionsFrom(EdgeIngestConfig config) => new()
    {
        Gap = TimeSpan.FromSeconds(config.Tracking.GapSeconds),
        MaxVoteWindow = TimeSpan.FromSeconds(config.Tracking.VoteWindowSeconds),
        MinConfidence = (float)config.Recognition.MinConfidence,
    };

    private static MqttOptions MqttOptionsFrom(EdgeIngestConfig config) => new()
    {
        Host = config.Broker.Host,
        Port = config.Broker.Port,
        ClientId = config.Broker.ClientId ?? config.Device.Id,
        Username = config.Broker.Username,
        Password = config.Broker.Password,
        KeepAliveSeconds = config.Broker.KeepAliveSeconds,
        UseTls = config.Broker.Tls is not null,
        CaFile = config.Broker.Tls?.CaFile,
        ClientCertificateFile = config.Broker.Tls?.CertFile,
        ClientKeyFile = config.Broker.Tls?.KeyFile,
    };
}
