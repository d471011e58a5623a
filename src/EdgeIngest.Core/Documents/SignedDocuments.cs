using EdgeIngest.Agreements;
using EdgeIngest.Audit;
using EdgeIngest.Configuration;
using EdgeIngest.Hotlists;
using EdgeIngest.Signing;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.Documents;

/// <summary>
/// The device's signed rules, built at start in one place: the agency key it was provisioned with,
/// the hotlist and agreement in force (newest stored, or the configured files when newer — then
/// stored and audited), and the <see cref="DocumentReception"/> that judges every later document.
/// A configured file that cannot be used, with nothing stored to fall back on, fails here naming the file.
/// </summary>
public sealed class SignedDocuments : IDisposable
{
    private SignedDocuments(AgencyPublicKey key, HotlistStore hotlistStore, DocumentReception reception)
    {
        Key = key;
        HotlistStore = hotlistStore;
        Reception = reception;
    }

    public AgencyPublicKey Key { get; }

    public HotlistStore HotlistStore { get; }

    public DocumentReception Reception { get; }

    public HotlistHolder Hotlists => Reception.Hotlists;

    public AgreementHolder Agreements => Reception.Agreements;

    /// <param name="localRetention">What <c>storage.retention_days</c> says (default reads 7, hits 90, evidence 30), used without a signed agreement.</param>
    public static SignedDocuments Open(EdgeIngestConfig config, IAuditTrail audit, ILoggerFactory loggers, RetentionDays? localRetention = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var logger = loggers.CreateLogger("EdgeIngest.Documents");
        var key = AgencyPublicKey.Load(config.Agency.PublicKeyFile);
        try
        {
            var hotlistStore = new HotlistStore(config.Storage.Directory, key, loggers.CreateLogger("EdgeIngest.Hotlist"));
            var hotlist = hotlistStore.LoadNewest(config.Hotlist.File);
            var agreementStore = new AgreementStore(config.Storage.Directory, key, loggers.CreateLogger("EdgeIngest.Agreement"));
            var (agreement, agreementAdopted) = agreementStore.LoadNewest(config.Agreement.File);
            var reception = new DocumentReception(
                config.Device.Id,
                key,
                new HotlistHolder(hotlist.Hotlist),
                hotlistStore,
                new AgreementHolder(agreement, config.Sharing.ParsedPolicy, localRetention ?? AgreementHolder.DefaultLocalRetention),
                agreementStore,
                audit,
                logger);
            if (hotlist.AdoptedConfiguredFile)
            {
                reception.RecordStartUpAdoption(SignedDocumentTypes.Hotlist, hotlist.Hotlist.Version, config.Hotlist.File);
            }

            if (agreementAdopted && agreement is not null)
            {
                reception.RecordStartUpAdoption(agreement.Agreement, config.Agreement.File!);
            }

            return new SignedDocuments(key, hotlistStore, reception);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public void Dispose() => Key.Dispose();
}
