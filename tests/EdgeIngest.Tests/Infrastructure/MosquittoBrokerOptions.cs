namespace EdgeIngest.Tests.Infrastructure;

/// <summary>How a test broker listens: plain, with a password file, with TLS, with mutual TLS, or from a given configuration.</summary>
public sealed record MosquittoBrokerOptions
{
    /// <summary>When not empty, anonymous clients are refused and these users get a password file.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    public bool Tls { get; init; }

    /// <summary>TLS that also requires a client certificate from the same CA; its CN becomes the username.</summary>
    public bool MutualTls { get; init; }

    /// <summary>ACL lines (mosquitto acl_file syntax); empty means everything is allowed.</summary>
    public IReadOnlyList<string> AclLines { get; init; } = [];

    /// <summary>
    /// When set, the whole mosquitto.conf, made from the broker's port and folders (e.g. from the
    /// agency broker's deployed template); every other option is then ignored.
    /// </summary>
    public Func<MosquittoBroker, string>? Configuration { get; init; }
}
