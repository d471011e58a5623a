using System.Globalization;

namespace EdgeIngest.Audit;

/// <summary>
/// The start and stop of the service in the audit, and any change of its configuration file in
/// between: at start the file's fingerprint is compared with the last one the audit holds (from the
/// last <c>service_started</c> or <c>config_changed</c>), and a difference is recorded as
/// <c>config_changed</c> (old and new hash, sections changed) before <c>service_started</c>.
/// </summary>
public static class ServiceAudit
{
    /// <summary>Section fingerprints (<see cref="ConfigFingerprint.Sections"/>), kept with each fingerprint.</summary>
    public const string SectionsField = "config_sections";

    /// <summary>Records the start (and a configuration change since the last audited one); returns whether the configuration changed.</summary>
    public static bool RecordStarted(AuditLog log, string configPath, string softwareVersion)
    {
        var now = ConfigFingerprint.Of(configPath);
        var last = LastAudited(log.AtOpen);
        var changed = last is not null && !string.Equals(last.Sha256, now.Sha256, StringComparison.Ordinal);
        if (changed)
        {
            log.Append(AuditKinds.ConfigChanged, [
                new(AuditFields.ConfigFile, configPath),
                new(AuditFields.OldSha256, last!.Sha256),
                new(AuditFields.NewSha256, now.Sha256),
                new(AuditFields.ChangedKeys, string.Join(", ", ConfigFingerprint.ChangedSections(last.Sections, now.Sections))),
                new(SectionsField, now.Sections),
            ]);
        }

        log.Append(AuditKinds.ServiceStarted, [
            new(AuditFields.SoftwareVersion, softwareVersion),
            new(AuditFields.ConfigFile, configPath),
            new(AuditFields.ConfigSha256, now.Sha256),
            new(SectionsField, now.Sections),
        ]);
        return changed;
    }

    /// <summary>
    /// A change the running service made to its own configuration file (the owner's console): the
    /// old and new fingerprints, the sections that changed, and <paramref name="what"/> (who, which
    /// camera, how). The next start then finds the file as audited and records no second change.
    /// </summary>
    public static void RecordEdited(IAuditTrail audit, string configPath, ConfigFingerprint before, IEnumerable<KeyValuePair<string, string>> what)
    {
        var now = ConfigFingerprint.Of(configPath);
        audit.Append(AuditKinds.ConfigChanged, [
            new(AuditFields.ConfigFile, configPath),
            new(AuditFields.OldSha256, before.Sha256),
            new(AuditFields.NewSha256, now.Sha256),
            new(AuditFields.ChangedKeys, string.Join(", ", ConfigFingerprint.ChangedSections(before.Sections, now.Sections))),
            .. what,
            new(SectionsField, now.Sections),
        ]);
    }

    public static void RecordStopped(IAuditTrail audit, TimeSpan uptime) =>
        audit.Append(AuditKinds.ServiceStopped, [new(AuditFields.UptimeSeconds, ((long)uptime.TotalSeconds).ToString(CultureInfo.InvariantCulture))]);

    /// <summary>The newest fingerprint the audit holds: from whichever of the last start or last change is later.</summary>
    private static ConfigFingerprint? LastAudited(AuditVerification atOpen)
    {
        var started = atOpen.LastOfKind.GetValueOrDefault(AuditKinds.ServiceStarted);
        var changed = atOpen.LastOfKind.GetValueOrDefault(AuditKinds.ConfigChanged);
        if (changed is not null && (started is null || changed.Seq > started.Seq))
        {
            return changed.Field(AuditFields.NewSha256) is { } sha ? new ConfigFingerprint(sha, changed.Field(SectionsField) ?? "") : null;
        }

        return started?.Field(AuditFields.ConfigSha256) is { } hash ? new ConfigFingerprint(hash, started.Field(SectionsField) ?? "") : null;
    }
}
