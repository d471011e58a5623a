using System.Security.Cryptography;

namespace EdgeIngest.Signing;

/// <summary>
/// The agency's private key (ECDSA P-256, PKCS#8 PEM), kept at the agency: <c>hotlist keygen</c>
/// makes one, <c>hotlist sign</c> and <c>agreement sign</c> use it. Devices only ever hold the public half.
/// </summary>
public sealed class AgencySigningKey : IDisposable
{
    private readonly ECDsa _key;

    private AgencySigningKey(ECDsa key)
    {
        _key = key;
        KeyId = KeyIds.Of(key);
    }

    public string KeyId { get; }

    public static AgencySigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a PEM private key; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static AgencySigningKey Load(string path)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: the signing key cannot be read: {e.Message}", e);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            _ = key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"{path}: not a PEM ECDSA private key ({e.Message})", e);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidDataException($"{path}: an ECDSA key of {key.KeySize} bits; the agency key must be P-256");
        }

        return new AgencySigningKey(key);
    }

    public string PrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    public string PublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs <paramref name="payload"/> as a document of <paramref name="type"/>.</summary>
    public SignedDocument Sign(string type, byte[] payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var signature = _key.SignData(SignedDocument.SignedBytes(type, payload), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new SignedDocument(type, KeyId, payload, signature);
    }

    public void Dispose() => _key.Dispose();
}
