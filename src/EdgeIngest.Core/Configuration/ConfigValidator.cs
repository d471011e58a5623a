using System.Text.RegularExpressions;
using EdgeIngest.Cameras;
using EdgeIngest.Clips;
using EdgeIngest.Enrollment;
using EdgeIngest.Reads.Regions;
using EdgeIngest.Signing;

namespace EdgeIngest.Configuration;

/// <summary>
/// Checks a parsed configuration and lists every problem at once, each as
/// <c>field: 'value' — what was expected</c>. Secrets (passwords) are never echoed.
/// </summary>
public static partial class ConfigValidator
{
    public static IReadOnlyList<string> Validate(EdgeIngestConfig config)
    {
        var problems = new List<string>();
        ValidateDevice(config.Device, problems);
        ValidateCameras(config.Cameras, problems);
        ValidateBroker(config.Broker, problems);
        ValidateHotlist(config.Hotlist, problems);
        ValidateAgency(config.Agency, problems);
        ValidateAgreement(config.Agreement, problems);
        ValidateRegistration(config.Registration, config.Device.Id, problems);
        ValidateSharing(config.Sharing, problems);
        ValidateRecognition(config.Recognition, problems);
        ValidateTracking(config.Tracking, problems);
        ValidateClips(config.Clips, problems);
        ValidateStorage(config.Storage, problems);
        ValidateRecording(config.Recording, problems);
        ValidateConsole(config.Console, problems);
        return problems;
    }

    private static void ValidateDevice(DeviceConfig device, List<string> problems)
    {
        if (!IdPattern().IsMatch(device.Id))
        {
            problems.Add($"device.id: '{device.Id}' — expected 1–64 letters, digits, '-' or '_' (it becomes part of MQTT topics)");
        }
    }

    /// <summary>The camera list alone, checked exactly as in the file (the console's changes go through here).</summary>
    public static IReadOnlyList<string> ValidateCameras(List<CameraOptions> cameras)
    {
        var problems = new List<string>();
        ValidateCameras(cameras, problems);
        return problems;
    }

    private static void ValidateCameras(List<CameraOptions> cameras, List<string> problems)
    {
        if (cameras.Count == 0)
        {
            problems.Add("cameras: none configured — expected at least one camera with an id and an rtsp:// url");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cameras.Count; i++)
        {
            var camera = cameras[i];
            var at = $"cameras[{i}]";
            var before = problems.Count;
            if (!IdPattern().IsMatch(camera.Id))
            {
                problems.Add($"{at}.id: '{camera.Id}' — expected 1–64 letters, digits, '-' or '_'");
            }
            else if (!seen.Add(camera.Id))
            {
                problems.Add($"{at}.id: '{camera.Id}' — already used by another camera; ids must be unique");
            }

            if (!CameraUrl.TryParse(camera.Id, camera.Url, out _, out var urlProblem))
            {
                problems.Add($"{at}.url: {urlProblem}");
            }

            CheckRange(problems, $"{at}.analysis_fps", camera.AnalysisFps, 0.1, 30, "frames per second");
            CheckRange(problems, $"{at}.stall_timeout_seconds", camera.StallTimeoutSeconds, 2, 300, "seconds");
            if (problems.Count == before)
            {
                CheckAdvancedCameraSettings(camera, at, problems);
            }

            CameraZoneValidator.Validate(camera, at, problems);
        }
    }

    /// <summary>The ingest's own rules (queue and pool sizes, restart delays) for settings few files set.</summary>
    private static void CheckAdvancedCameraSettings(CameraOptions camera, string at, List<string> problems)
    {
        try
        {
            CameraOptionsValidator.Validate(camera);
        }
        catch (CameraConfigurationException e)
        {
            problems.Add($"{at}: {e.Message}");
        }
    }

    private static void ValidateBroker(BrokerConfig broker, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(broker.Host) || Uri.CheckHostName(broker.Host) == UriHostNameType.Unknown)
        {
            problems.Add($"broker.host: '{broker.Host}' — expected the agency broker's host name or IP address");
        }

        CheckRange(problems, "broker.port", broker.Port, 1, 65535, "a TCP port");
        CheckRange(problems, "broker.keep_alive_seconds", broker.KeepAliveSeconds, 5, 3600, "seconds");
        CheckRange(problems, "broker.heartbeat_seconds", broker.HeartbeatSeconds, 1, 3600, "seconds");
        if (!TopicSegmentPattern().IsMatch(broker.TopicPrefix))
        {
            problems.Add($"broker.topic_prefix: '{broker.TopicPrefix}' — expected one topic segment of letters, digits, '-', '_' or '.' (no '/', '+' or '#')");
        }

        if (broker.ClientId is { } clientId && !IdPattern().IsMatch(clientId))
        {
            problems.Add($"broker.client_id: '{clientId}' — expected 1–64 letters, digits, '-' or '_'");
        }

        if (broker.Password is not null && string.IsNullOrEmpty(broker.Username))
        {
            problems.Add("broker.password: set without broker.username — expected both or neither");
        }

        if (broker.Tls is { } tls)
        {
            CheckFile(problems, "broker.tls.ca_file", tls.CaFile, "the agency CA certificate (PEM)");
            if ((tls.CertFile is null) != (tls.KeyFile is null))
            {
                problems.Add("broker.tls: cert_file and key_file — expected both (mutual TLS) or neither");
            }
            else if (tls.CertFile is not null)
            {
                CheckFile(problems, "broker.tls.cert_file", tls.CertFile, "this device's certificate (PEM)");
                CheckFile(problems, "broker.tls.key_file", tls.KeyFile!, "this device's private key (PEM)");
            }
        }
    }

    private static void ValidateHotlist(HotlistConfig hotlist, List<string> problems) =>
        CheckFile(problems, "hotlist.file", hotlist.File, "a signed hotlist file (edgeingest hotlist sign)");

    private static void ValidateAgency(AgencyConfig agency, List<string> problems)
    {
        const string what = "the agency's public key (PEM, agency-public-key.pem from edgeingest hotlist keygen), needed to verify the hotlist and agreement";
        if (!CheckFile(problems, "agency.public_key_file", agency.PublicKeyFile, what))
        {
            return;
        }

        try
        {
            using var key = AgencyPublicKey.Load(agency.PublicKeyFile);
        }
        catch (InvalidDataException e)
        {
            problems.Add($"agency.public_key_file: {e.Message}");
        }
    }

    private static void ValidateAgreement(AgreementConfig agreement, List<string> problems)
    {
        if (agreement.File is { } file)
        {
            CheckFile(problems, "agreement.file", file, "a signed agreement file (edgeingest agreement sign), or leave agreement.file out");
        }
    }

    private static void ValidateRegistration(RegistrationConfig registration, string deviceId, List<string> problems)
    {
        if (registration.File is not { } file
            || !CheckFile(problems, "registration.file", file, "the property's registration (edgeingest.registration/1, written by edgeingest enroll apply), or leave registration.file out"))
        {
            return;
        }

        try
        {
            var registered = RegistrationJson.ReadFile(file);
            if (registered.DeviceId != deviceId)
            {
                problems.Add($"registration.file: '{file}' registers device '{registered.DeviceId}', not device.id '{deviceId}'");
            }
        }
        catch (EnrollmentException e)
        {
            problems.Add($"registration.file: {e.Message}");
        }
    }

    private static void ValidateSharing(SharingConfig sharing, List<string> problems)
    {
        if (sharing.Policy is not ("hits_only" or "all_reads"))
        {
            problems.Add($"sharing.policy: '{sharing.Policy}' — expected 'hits_only' (default: only hotlist hits leave the property) or 'all_reads'");
        }
    }

    private static void ValidateRecognition(RecognitionConfig recognition, List<string> problems)
    {
        var side = recognition.DetectorLongSide;
        if (side is < 320 or > 1920 || side % 32 != 0)
        {
            problems.Add($"recognition.detector_long_side: '{side}' — expected a multiple of 32 from 320 to 1920");
        }

        if (recognition.Finder is not ("text" or "plate"))
        {
            problems.Add($"recognition.finder: '{recognition.Finder}' — expected 'text' (PP-OCRv4 text detection) or 'plate' (the plate detector, models/plate-detector.onnx)");
        }

        if (recognition.Reader is not ("text" or "plate"))
        {
            problems.Add($"recognition.reader: '{recognition.Reader}' — expected 'plate' (the plate recogniser, models/plate-recognizer.onnx) or 'text' (PP-OCRv4's general text recogniser)");
        }

        if (PlateRegions.Problem(PlateRegions.DirectoryFor(recognition.ModelsDirectory), recognition.Region.Names) is { } regionProblem)
        {
            problems.Add($"recognition.region: '{recognition.Region}' — {regionProblem}");
        }

        CheckRange(problems, "recognition.threads", recognition.Threads, 1, 16, "threads");
        CheckRange(problems, "recognition.parallel_frames", recognition.ParallelFrames, 1, 16, "frames");
        CheckRange(problems, "recognition.min_confidence", recognition.MinConfidence, 0, 1, "a confidence");
        CheckRange(problems, "recognition.repeat_suppression_seconds", recognition.RepeatSuppressionSeconds, 0, 3600, "seconds");
        if (recognition.ModelsDirectory is { } models && !Directory.Exists(models))
        {
            problems.Add($"recognition.models_directory: '{models}' — the folder does not exist (deploy/setup.sh fetches the models into models/)");
        }
    }

    private static void ValidateTracking(TrackingConfig tracking, List<string> problems)
    {
        CheckRange(problems, "tracking.gap_seconds", tracking.GapSeconds, 0.1, 10, "seconds");
        CheckRange(problems, "tracking.vote_window_seconds", tracking.VoteWindowSeconds, 0.1, 10, "seconds");
    }

    private static void ValidateStorage(StorageConfig storage, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(storage.Directory))
        {
            problems.Add($"storage.directory: missing — expected a folder for the outbox (default '{StorageConfig.DefaultDirectory}', next to this file)");
        }
        else if (File.Exists(storage.Directory))
        {
            problems.Add($"storage.directory: '{storage.Directory}' — is a file; expected a folder (it is created if missing)");
        }

        CheckRange(problems, "storage.outbox_budget_mb", storage.OutboxBudgetMb, 1, 1_048_576, "megabytes");
        CheckRange(problems, "storage.retention_days.reads", storage.RetentionDays.Reads, 0, 3650, "days");
        CheckRange(problems, "storage.retention_days.hits", storage.RetentionDays.Hits, 0, 3650, "days");
        CheckRange(problems, "storage.retention_days.evidence", storage.RetentionDays.Evidence, 0, 3650, "days");
    }

    private static void ValidateRecording(RecordingConfig recording, List<string> problems)
    {
        if (recording.Directory is { } directory && (string.IsNullOrWhiteSpace(directory) || File.Exists(directory)))
        {
            problems.Add($"recording.directory: '{directory}' — expected a folder for the recording (it is created if missing), or leave it out for '{{storage.directory}}/{RecordingConfig.DefaultSubdirectory}'");
        }

        CheckRange(problems, "recording.retention_hours", recording.RetentionHours, 1, 8760, "hours");
        CheckRange(problems, "recording.max_gb", recording.MaxGb, 0.01, 100_000, "GiB (all cameras together)");
    }

    private static void ValidateConsole(ConsoleConfig console, List<string> problems)
    {
        if (!System.Net.IPEndPoint.TryParse(console.Listen, out var endpoint) || !console.Listen.Contains(':', StringComparison.Ordinal) || endpoint.Port is < 0 or > 65535)
        {
            problems.Add($"console.listen: '{console.Listen}' — expected ADDRESS:PORT, e.g. '{ConsoleConfig.DefaultListen}' (loopback only) or '0.0.0.0:8443'");
        }

        if ((console.CertFile is null) != (console.KeyFile is null))
        {
            problems.Add("console.cert_file, console.key_file: expected both (a PEM certificate and its key) or neither (plain HTTP)");
        }

        if (console.Https is not (ConsoleConfig.HttpsAuto or ConsoleConfig.HttpsOn or ConsoleConfig.HttpsOff))
        {
            problems.Add($"console.https: '{console.Https}' — expected 'auto' (a generated certificate off loopback), 'on' or 'off'");
        }
        else if (console.Https == ConsoleConfig.HttpsOff && console.CertFile is not null)
        {
            problems.Add($"console.https: 'off' — but console.cert_file is set ('{console.CertFile}'); remove one of them");
        }

        foreach (var (field, file) in new[] { ("console.cert_file", console.CertFile), ("console.key_file", console.KeyFile) })
        {
            if (file is not null && !File.Exists(file))
            {
                problems.Add($"{field}: '{file}' — the file does not exist");
            }
        }
    }

    private static void ValidateClips(ClipOptions clips, List<string> problems)
    {
        try
        {
            ClipOptionsValidator.Validate(clips);
        }
        catch (CameraConfigurationException e)
        {
            problems.Add(e.Message);
        }
    }

    private static void CheckRange(List<string> problems, string field, double value, double min, double max, string unit)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            problems.Add($"{field}: '{value}' — expected {unit} from {min} to {max}");
        }
    }

    private static bool CheckFile(List<string> problems, string field, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{field}: missing — expected the path of {what}");
            return false;
        }

        if (!File.Exists(path))
        {
            problems.Add($"{field}: '{path}' — the file does not exist; expected {what}");
            return false;
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex TopicSegmentPattern();
}
