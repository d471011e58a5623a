namespace EdgeIngest.Agreements;

/// <summary>A verified agreement and where it came from (a stored file, the configured <c>agreement.file</c>, a topic message, an inbox file).</summary>
public sealed record VersionedAgreement(SharingAgreement Agreement, string Source)
{
    public long Version => Agreement.Version;
}
