using EdgeIngest.Configuration;

namespace EdgeIngest.Agreements;

/// <summary>
/// The data-sharing agreement in force, swapped as one reference (like the hotlist) and only for
/// a strictly newer verified version. Without a signed agreement the owner's configuration governs
/// (<c>sharing.policy</c>, every category, the local retention); with one, the agreement governs and
/// the local policy may only narrow it; outside its validity dates nothing is sent.
/// </summary>
public sealed class AgreementHolder(VersionedAgreement? initial, SharingPolicy localPolicy, RetentionDays localRetention)
{
    /// <summary>Retention without a signed agreement and without <c>storage.retention_days</c>: reads 7, hits 90, evidence 30 days.</summary>
    public static RetentionDays DefaultLocalRetention { get; } = new(7, 90, 30);

    private VersionedAgreement? _current = initial;

    public VersionedAgreement? Current => Volatile.Read(ref _current);

    public SharingPolicy LocalPolicy { get; } = localPolicy;

    public RetentionDays LocalRetention { get; } = localRetention ?? throw new ArgumentNullException(nameof(localRetention));

    /// <summary>Installs <paramref name="next"/> if its version is higher than the current one's (or none is held).</summary>
    public bool TryReplace(VersionedAgreement next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var seen = Volatile.Read(ref _current);
        while (seen is null || next.Version > seen.Version)
        {
            var found = Interlocked.CompareExchange(ref _current, next, seen);
            if (ReferenceEquals(found, seen))
            {
                return true;
            }

            seen = found;
        }

        return false;
    }

    /// <summary>The decision for a hit on an entry of <paramref name="category"/> at <paramref name="now"/>. Allocates nothing.</summary>
    public AgreementDecision Decide(string category, DateTimeOffset now)
    {
        var held = Current;
        if (held is null)
        {
            return new AgreementDecision(true, null, LocalPolicy, LocalPolicy == SharingPolicy.AllReads, LocalRetention, null, null);
        }

        var agreement = held.Agreement;
        var policy = agreement.Policy == SharingPolicy.AllReads && LocalPolicy == SharingPolicy.AllReads ? SharingPolicy.AllReads : SharingPolicy.HitsOnly;
        string? withheld = now < agreement.ValidFrom ? WithheldReasons.AgreementNotYetValid
            : now >= agreement.ValidUntil ? WithheldReasons.AgreementExpired
            : !agreement.Allows(category) ? WithheldReasons.CategoryNotAllowed
            : null;
        var inForce = agreement.IsInForceAt(now);
        return new AgreementDecision(withheld is null, withheld, policy, inForce && policy == SharingPolicy.AllReads, agreement.Retention, agreement.AgreementId, agreement.Version);
    }

    /// <summary>One line for status and the report: which rules govern now.</summary>
    public string Describe(DateTimeOffset now)
    {
        if (Current is not { Agreement: var a })
        {
            return $"no signed agreement: local policy ({AgreementPayload.PolicyName(LocalPolicy)}, every category)";
        }

        var state = now < a.ValidFrom ? $"not valid before {a.ValidFrom:u}: nothing is sent"
            : now >= a.ValidUntil ? $"expired at {a.ValidUntil:u}: nothing is sent"
            : $"in force until {a.ValidUntil:u}";
        return $"agreement {a.AgreementId} version {a.Version} with {a.Agency}, {state}";
    }
}
