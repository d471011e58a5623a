using System.Globalization;
using EdgeIngest.Audit;
using EdgeIngest.Cameras;
using EdgeIngest.Configuration;
using EdgeIngest.Motion;

namespace EdgeIngest.Pipeline;

/// <summary>
/// The owner's camera changes, from the console: each is checked exactly as the configuration file
/// is (<see cref="ConfigValidator.ValidateCameras"/>), written into that file (so a restart keeps
/// it), put in force on the running appliance without a restart, and audited as a
/// <c>config_changed</c> record naming who, which camera and what. A refused change names every
/// problem and touches nothing; changes are made one at a time.
/// </summary>
public sealed class CameraEditor(EdgeIngestConfig config, CameraSet cameras, IAuditTrail audit)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The cameras as configured now (copies: change them and hand them back).</summary>
    public IReadOnlyList<CameraOptions> Configured => [.. config.Cameras.Select(c => c.Copy())];

    public CameraOptions? Find(string id) => config.Cameras.FirstOrDefault(c => c.Id == id)?.Copy();

    public Task<CameraChange> AddAsync(CameraOptions camera, string by) =>
        ChangeAsync(by, camera.Id, "added", camera, list =>
        {
            list.Add(camera);
            return list;
        }, () => cameras.AddAsync(camera));

    public Task<CameraChange> ReplaceAsync(CameraOptions camera, string by) =>
        ChangeAsync(by, camera.Id, "changed", camera, list =>
        {
            var index = list.FindIndex(c => c.Id == camera.Id);
            if (index < 0)
            {
                return null;
            }

            list[index] = camera;
            return list;
        }, async () =>
        {
            var restarted = await cameras.ReplaceAsync(camera).ConfigureAwait(false);
            return restarted ? "the camera was restarted with its new settings" : "the new zone applies from the next frame (the stream kept running)";
        });

    public Task<CameraChange> RemoveAsync(string id, string by) =>
        ChangeAsync(by, id, "removed", null, list => list.RemoveAll(c => c.Id == id) == 0 ? null : list, () => cameras.RemoveAsync(id));

    private Task<CameraChange> ChangeAsync(string by, string id, string change, CameraOptions? camera, Func<List<CameraOptions>, List<CameraOptions>?> edit, Func<Task> apply) =>
        ChangeAsync(by, id, change, camera, edit, async () =>
        {
            await apply().ConfigureAwait(false);
            return change == "added" ? "the camera is starting" : "the camera was stopped";
        });

    private async Task<CameraChange> ChangeAsync(
        string by, string id, string change, CameraOptions? camera, Func<List<CameraOptions>, List<CameraOptions>?> edit, Func<Task<string>> apply)
    {
        var file = config.SourceFile ?? throw new InvalidOperationException("the configuration was not loaded from a file");
        await _oneAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            if (edit([.. config.Cameras]) is not { } candidate)
            {
                return CameraChange.Refused([$"camera '{id}': there is no such camera (it may have been removed meanwhile)"]);
            }

            var problems = ConfigValidator.ValidateCameras(candidate);
            if (problems.Count > 0)
            {
                return CameraChange.Refused(problems);
            }

            lock (ConfigFileWrites.Gate)
            {
                var before = ConfigFingerprint.Of(file);
                try
                {
                    CameraSection.Write(file, candidate);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return CameraChange.Refused([$"the configuration file {file} cannot be written ({e.Message}): the service's user needs write access to it"]);
                }

                RecordEdit(file, before, by, id, change, camera);
            }

            config.Cameras = candidate;
            var effect = await apply().ConfigureAwait(false);
            return CameraChange.Done($"camera '{id}' {change}: {effect}");
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private void RecordEdit(string file, ConfigFingerprint before, string by, string id, string change, CameraOptions? camera) =>
        ServiceAudit.RecordEdited(audit, file, before, [
            new(AuditFields.ChangedBy, by),
            new(AuditFields.CameraId, id),
            new(AuditFields.CameraChange, change),
            .. camera is null ? [] : Describe(camera),
        ]);

    private static KeyValuePair<string, string>[] Describe(CameraOptions camera) =>
    [
        new(AuditFields.CameraUrl, CameraUrl.TryParse(camera.Id, camera.Url, out var url, out _) ? url.Redacted : "(not a valid URL)"),
        new(AuditFields.CameraZone, ZoneText(camera.Zone)),
    ];

    /// <summary>The zone as the audit and the console show it: its points, or the whole frame.</summary>
    public static string ZoneText(ZoneOptions? zone) => zone switch
    {
        null => "whole frame",
        { Rectangle: { } r } => string.Create(CultureInfo.InvariantCulture, $"rectangle x {r.X:0.###}, y {r.Y:0.###}, width {r.Width:0.###}, height {r.Height:0.###}"),
        { Polygon: { } points } => "polygon " + string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"({string.Join(", ", p.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)))})"))),
        _ => "whole frame",
    };
}
