using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Commands;
using EdgeIngest.Hotlists;
using EdgeIngest.Signing;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Documents;

/// <summary>
/// Where every signed document the agency sends is judged, whichever way it came (topic, inbox
/// file, command): verified with the agency key, parsed, checked against the version in force,
/// stored as signed, audited, and only then put in force. Each refusal — unsigned, malformed,
/// another key, forged, wrong type, a replay, a delta against a version the device does not
/// hold — is logged, audited and answered, and leaves the list and agreement in force as they were.
/// The same bytes received again (a retained message after a reconnect) are recognised and
/// neither audited nor answered twice. Documents are handled one at a time.
/// </summary>
public sealed class DocumentReception
{
    private const int RememberedRefusals = 256;

    private readonly string _deviceId;
    private readonly AgencyPublicKey _key;
    private readonly HotlistHolder _hotlists;
    private readonly HotlistStore _hotlistStore;
    private readonly AgreementHolder _agreements;
    private readonly AgreementStore _agreementStore;
    private readonly IAuditTrail _audit;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DocumentOutcome> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _refusalOrder = new();

    public DocumentReception(
        string deviceId,
        AgencyPublicKey key,
        HotlistHolder hotlists,
        HotlistStore hotlistStore,
        AgreementHolder agreements,
        AgreementStore agreementStore,
        IAuditTrail audit,
        ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        _deviceId = deviceId;
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _hotlists = hotlists ?? throw new ArgumentNullException(nameof(hotlists));
        _hotlistStore = hotlistStore ?? throw new ArgumentNullException(nameof(hotlistStore));
        _agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        _agreementStore = agreementStore ?? throw new ArgumentNullException(nameof(agreementStore));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _logger = logger;
        RememberStored();
    }

    public HotlistHolder Hotlists => _hotlists;

    public AgreementHolder Agreements => _agreements;

    /// <summary>Judges one signed document; never throws for anything in <paramref name="envelope"/>.</summary>
    public DocumentOutcome Receive(ReadOnlyMemory<byte> envelope, DocumentChannel channel, string source, DateTimeOffset now)
    {
        lock (_gate)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(envelope.Span));
            if (_seen.TryGetValue(hash, out var earlier))
            {
                DocumentReceptionLog.Repeated(_logger, source, earlier.Accepted ? "accepted" : $"refused: {earlier.Reason}");
                return earlier with { Repeated = true, ResultPayload = null };
            }

            DocumentOutcome outcome;
            try
            {
                outcome = Handle(envelope, channel, source, hash, now);
            }
            catch (DocumentRejected rejected)
            {
                outcome = Reject(rejected, channel, source, hash, now);
            }

            Remember(hash, outcome);
            return outcome;
        }
    }

    /// <summary>Audits a hotlist that start-up took from the configured file because it was newer than anything stored.</summary>
    public void RecordStartUpAdoption(string document, long version, string source) =>
        AppendStartUpAdoption(AuditKinds.HotlistAccepted, source, [new("document", document), new("version", Number(version))]);

    /// <summary>Audits an agreement that start-up took from the configured file, with everything it states (as one from the topic is).</summary>
    public void RecordStartUpAdoption(SharingAgreement agreement, string source) =>
        AppendStartUpAdoption(AuditKinds.AgreementAccepted, source, AgreementFields(agreement, previousVersion: null));

    private static KeyValuePair<string, string>[] AgreementFields(SharingAgreement agreement, long? previousVersion) =>
    [
        new("document", SignedDocumentTypes.Agreement), new("agreement_id", agreement.AgreementId), new("version", Number(agreement.Version)),
        new("previous_version", previousVersion is { } previous ? Number(previous) : "none"), new("agency", agreement.Agency),
        new("allowed_categories", string.Join(',', agreement.AllowedCategories.Order(StringComparer.Ordinal))),
        new("sharing_policy", AgreementPayload.PolicyName(agreement.Policy)),
        new("retention_days", Invariant($"reads {agreement.Retention.Reads}, hits {agreement.Retention.Hits}, evidence {agreement.Retention.Evidence}")),
        new("valid_from", IsoTimestamps.Format(agreement.ValidFrom)), new("valid_until", IsoTimestamps.Format(agreement.ValidUntil)),
    ];

    private void AppendStartUpAdoption(string kind, string source, KeyValuePair<string, string>[] fields)
    {
        try
        {
            _audit.Append(kind, [.. fields, new("channel", "configured_file"), new("source", source), new("key_id", _key.KeyId)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DocumentReceptionLog.AuditFailed(_logger, source, e.Message);
        }
    }

    private DocumentOutcome Handle(ReadOnlyMemory<byte> envelope, DocumentChannel channel, string source, string hash, DateTimeOffset now)
    {
        SignedDocument document;
        try
        {
            document = SignedDocument.Parse(envelope.Span, source);
        }
        catch (SignatureException e)
        {
            throw new DocumentRejected(e.ReasonCode, e.Message, DefaultDocument(channel));
        }

        var expected = Carries(channel, document.Type) ? document.Type : DefaultDocument(channel);
        byte[] payload;
        try
        {
            payload = _key.Verify(document, expected, source);
        }
        catch (SignatureException e)
        {
            throw new DocumentRejected(e.ReasonCode, e.Message, expected);
        }

        return document.Type switch
        {
            SignedDocumentTypes.Hotlist => AcceptFull(payload, envelope, channel, source, hash, now),
            SignedDocumentTypes.HotlistDelta => AcceptDelta(payload, envelope, channel, source, hash, now),
            _ => AcceptAgreement(payload, envelope, channel, source, hash, now),
        };
    }

    private DocumentOutcome AcceptFull(byte[] payload, ReadOnlyMemory<byte> envelope, DocumentChannel channel, string source, string hash, DateTimeOffset now)
    {
        const string document = SignedDocumentTypes.Hotlist;
        HotlistDocument list;
        try
        {
            list = HotlistPayload.ReadFull(payload, source);
        }
        catch (HotlistFormatException e)
        {
            throw new DocumentRejected(RejectionReasons.Malformed, e.Message, document);
        }

        var current = _hotlists.Current;
        if (list.Version <= current.Version)
        {
            throw new DocumentRejected(RejectionReasons.Replay, Invariant($"{source}: hotlist version {list.Version} is not newer than version {current.Version} in force"), document, list.Version);
        }

        var path = _hotlistStore.PathOf(list.Version, delta: false);
        var next = VersionedHotlist.Of(list.Entries, list.Version, path);
        Commit(
            document,
            list.Version,
            () => _hotlistStore.Save(list.Version, delta: false, envelope.Span),
            path,
            AuditKinds.HotlistAccepted,
            [
                new("document", document), new("version", Number(list.Version)), new("previous_version", Number(current.Version)),
                new("entries", Number(list.Entries.Count)), new("issued_at", IsoTimestamps.Format(list.IssuedAt)),
                .. Provenance(channel, source, hash),
            ]);
        _hotlists.TryReplace(next);
        _hotlistStore.Prune();
        var summary = Invariant($"hotlist version {current.Version} → {list.Version}, {list.Entries.Count:N0} entries");
        return Accept(document, list.Version, list.Version, summary, source, hash, now);
    }

    private DocumentOutcome AcceptDelta(byte[] payload, ReadOnlyMemory<byte> envelope, DocumentChannel channel, string source, string hash, DateTimeOffset now)
    {
        const string document = SignedDocumentTypes.HotlistDelta;
        HotlistDelta delta;
        try
        {
            delta = HotlistPayload.ReadDelta(payload, source);
        }
        catch (HotlistFormatException e)
        {
            throw new DocumentRejected(RejectionReasons.Malformed, e.Message, document);
        }

        var current = _hotlists.Current;
        if (delta.Version <= current.Version)
        {
            throw new DocumentRejected(RejectionReasons.Replay, Invariant($"{source}: hotlist delta to version {delta.Version} is not newer than version {current.Version} in force"), document, delta.Version);
        }

        if (delta.BaseVersion != current.Version)
        {
            throw new DocumentRejected(RejectionReasons.BaseNotHeld, Invariant($"{source}: hotlist delta {delta.BaseVersion} → {delta.Version} applies to version {delta.BaseVersion}, but this device holds version {current.Version}; send the full list"), document, delta.Version);
        }

        var path = _hotlistStore.PathOf(delta.Version, delta: true);
        // The index takes the delta as a layer over the list in force (milliseconds on a million
        // entries) instead of being rebuilt; the entries are kept for the next delta.
        var next = new VersionedHotlist(current.Hotlist.Apply(delta.Upserts, delta.Removals), delta.Version, path) { Entries = delta.ApplyTo(current.Entries) };
        Commit(
            document,
            delta.Version,
            () => _hotlistStore.Save(delta.Version, delta: true, envelope.Span),
            path,
            AuditKinds.HotlistAccepted,
            [
                new("document", document), new("version", Number(delta.Version)), new("base_version", Number(delta.BaseVersion)),
                new("upserts", Number(delta.Upserts.Count)), new("removals", Number(delta.Removals.Count)), new("entries", Number(next.Entries.Count)),
                new("issued_at", IsoTimestamps.Format(delta.IssuedAt)),
                .. Provenance(channel, source, hash),
            ]);
        _hotlists.TryReplace(next);
        var summary = Invariant($"hotlist version {current.Version} → {delta.Version} by delta (+{delta.Upserts.Count:N0} upserts, -{delta.Removals.Count:N0} removals), {next.Entries.Count:N0} entries");
        return Accept(document, delta.Version, delta.Version, summary, source, hash, now);
    }

    private DocumentOutcome AcceptAgreement(byte[] payload, ReadOnlyMemory<byte> envelope, DocumentChannel channel, string source, string hash, DateTimeOffset now)
    {
        const string document = SignedDocumentTypes.Agreement;
        SharingAgreement agreement;
        try
        {
            agreement = AgreementPayload.Read(payload, source);
        }
        catch (AgreementFormatException e)
        {
            throw new DocumentRejected(RejectionReasons.Malformed, e.Message, document);
        }

        var current = _agreements.Current;
        if (current is not null && agreement.Version <= current.Version)
        {
            throw new DocumentRejected(RejectionReasons.Replay, Invariant($"{source}: agreement version {agreement.Version} is not newer than version {current.Version} in force"), document, agreement.Version);
        }

        var path = _agreementStore.PathOf(agreement.Version);
        Commit(
            document,
            agreement.Version,
            () => _agreementStore.Save(agreement.Version, envelope.Span),
            path,
            AuditKinds.AgreementAccepted,
            [.. AgreementFields(agreement, current?.Version), .. Provenance(channel, source, hash)]);
        _agreements.TryReplace(new VersionedAgreement(agreement, path));
        var summary = $"agreement {agreement.AgreementId} version {current?.Version.ToString(CultureInfo.InvariantCulture) ?? "none"} → {agreement.Version}; {_agreements.Describe(now)}";
        return Accept(document, agreement.Version, agreement.Version, summary, source, hash, now);
    }

    /// <summary>Stores, then audits; either failing leaves nothing changed (a stored file is taken back out) and refuses the document.</summary>
    private void Commit(string document, long version, Func<string> store, string path, string kind, KeyValuePair<string, string>[] fields)
    {
        try
        {
            store();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentRejected(RejectionReasons.NotStored, Invariant($"{document} version {version} could not be stored: {e.Message}"), document, version);
        }

        try
        {
            _audit.Append(kind, fields);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(path);
            throw new DocumentRejected(RejectionReasons.NotStored, Invariant($"{document} version {version} could not be audited: {e.Message}"), document, version);
        }
    }

    private DocumentOutcome Accept(string document, long version, long inForce, string summary, string source, string hash, DateTimeOffset now)
    {
        DocumentReceptionLog.Accepted(_logger, document, version, source, summary);
        var answerId = AnswerId(document, version, hash);
        return new DocumentOutcome(true, null, summary, document, version, answerId, Answer(answerId, document, version, null, null, inForce, now));
    }

    private DocumentOutcome Reject(DocumentRejected rejected, DocumentChannel channel, string source, string hash, DateTimeOffset now)
    {
        DocumentReceptionLog.Rejected(_logger, rejected.Document, source, rejected.Reason, rejected.Message);
        var kind = rejected.Document == SignedDocumentTypes.Agreement ? AuditKinds.AgreementRejected : AuditKinds.HotlistRejected;
        List<KeyValuePair<string, string>> fields = [new("document", rejected.Document), new("reason", rejected.Reason), new("message", rejected.Message)];
        if (rejected.Version is { } version)
        {
            fields.Add(new("version", Number(version)));
        }

        fields.AddRange(Provenance(channel, source, hash));
        try
        {
            _audit.Append(kind, fields);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DocumentReceptionLog.AuditFailed(_logger, source, e.Message);
        }

        long? inForce = rejected.Document == SignedDocumentTypes.Agreement ? _agreements.Current?.Version : _hotlists.Current.Version;
        var answerId = AnswerId(rejected.Document, rejected.Version, hash);
        return new DocumentOutcome(
            false, rejected.Reason, rejected.Message, rejected.Document, rejected.Version, answerId,
            Answer(answerId, rejected.Document, rejected.Version, rejected.Reason, rejected.Message, inForce, now));
    }

    private byte[] Answer(string answerId, string document, long? version, string? reason, string? error, long? inForce, DateTimeOffset now) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new CommandResult(CommandResult.SchemaV1, answerId, _deviceId, reason is null, error, now)
            {
                Document = document,
                Version = version,
                Reason = reason,
                InForceVersion = inForce,
            },
            CommandJsonContext.Default.CommandResult);

    private void Remember(string hash, DocumentOutcome outcome)
    {
        if (outcome.Reason == RejectionReasons.NotStored)
        {
            return; // A disk problem may pass: the same document sent again deserves another try.
        }

        _seen[hash] = outcome;
        if (!outcome.Accepted)
        {
            _refusalOrder.Enqueue(hash);
            if (_refusalOrder.Count > RememberedRefusals)
            {
                _seen.Remove(_refusalOrder.Dequeue());
            }
        }
    }

    /// <summary>The documents already in force or kept: their retained copies arriving on reconnect are repeats, not replays.</summary>
    private void RememberStored()
    {
        var paths = _hotlistStore.StoredVersions().Select(s => (s.IsDelta ? SignedDocumentTypes.HotlistDelta : SignedDocumentTypes.Hotlist, s.Version, s.Path))
            .Concat(_agreementStore.StoredVersions().Select(s => (SignedDocumentTypes.Agreement, s.Version, s.Path)));
        foreach (var (document, version, path) in paths)
        {
            try
            {
                using var file = File.OpenRead(path);
                var hash = Convert.ToHexStringLower(SHA256.HashData(file));
                _seen[hash] = new DocumentOutcome(true, null, $"{document} version {version} (stored)", document, version, AnswerId(document, version, hash), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable now: it was skipped at load too, and a copy arriving is judged afresh.
            }
        }
    }

    private KeyValuePair<string, string>[] Provenance(DocumentChannel channel, string source, string hash) =>
        [new("channel", ChannelName(channel)), new("source", source), new("key_id", _key.KeyId), new("sha256", hash)];

    private static bool Carries(DocumentChannel channel, string type) => channel switch
    {
        DocumentChannel.HotlistTopic or DocumentChannel.Command => type is SignedDocumentTypes.Hotlist or SignedDocumentTypes.HotlistDelta,
        DocumentChannel.AgreementTopic => type == SignedDocumentTypes.Agreement,
        _ => type is SignedDocumentTypes.Hotlist or SignedDocumentTypes.HotlistDelta or SignedDocumentTypes.Agreement,
    };

    private static string DefaultDocument(DocumentChannel channel) =>
        channel == DocumentChannel.AgreementTopic ? SignedDocumentTypes.Agreement : SignedDocumentTypes.Hotlist;

    private static string ChannelName(DocumentChannel channel) => channel switch
    {
        DocumentChannel.HotlistTopic => "hotlist_topic",
        DocumentChannel.AgreementTopic => "agreement_topic",
        DocumentChannel.InboxFile => "inbox_file",
        _ => "command",
    };

    private static string AnswerId(string document, long? version, string hash) =>
        version is { } v ? Invariant($"{document}-v{v}-{hash[..8]}") : $"{document}-{hash[..12]}";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the refusal is what matters; a stray file is re-verified on load.
        }
    }
}
