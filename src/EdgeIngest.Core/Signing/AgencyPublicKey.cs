using System.Security.Cryptography;

namespace EdgeIngest.Signing;

/// <summary>
/// The agency's public key (ECDSA P-256, a SubjectPublicKeyInfo PEM file) that a device was
/// provisioned with; every hotlist and agreement must verify against it.
/// </summary>
public sealed class AgencyPublicKey : IDisposable
{
    private readonly ECDsa _key;

    private AgencyPublicKey(ECDsa key)
    {
        _key = key;
        KeyId = KeyIds.Of(key);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the key's SubjectPublicKeyInfo; names the key in envelopes.</summary>
    public string KeyId { get; }

    /// <summary>Reads a PEM public key; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static AgencyPublicKey Load(string path)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: the agency public key cannot be read: {e.Message}", e);
        }

        return FromPem(pem, path);
    }

    public static AgencyPublicKey FromPem(string pem, string source)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"{source}: not a PEM ECDSA public key ({e.Message})", e);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidDataException($"{source}: an ECDSA key of {key.KeySize} bits; the agency key must be P-256");
        }

        return new AgencyPublicKey(key);
    }

    /// <summary>
    /// Returns the payload of <paramref name="document"/> if it is a <paramref name="expectedType"/>
    /// signed by this key; otherwise throws <see cref="SignatureException"/> with the reason.
    /// </summary>
    public byte[] Verify(SignedDocument document, string expectedType, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.Equals(document.KeyId, KeyId, StringComparison.OrdinalIgnoreCase))
        {
            throw new SignatureException(SignatureProblem.UnknownKey, $"{source}: signed by key {document.KeyId}, not by the agency key {KeyId} this device was provisioned with");
        }

        if (!_key.VerifyData(SignedDocument.SignedBytes(document.Type, document.Payload), document.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            throw new SignatureException(SignatureProblem.Forged, $"{source}: the signature does not match the content (changed after signing, or forged)");
        }

        if (document.Type != expectedType)
        {
            throw new SignatureException(SignatureProblem.WrongType, $"{source}: a signed {document.Type}, not a {expectedType}");
        }

        return document.Payload;
    }

    /// <summary>Parses and verifies in one step.</summary>
    public byte[] Verify(ReadOnlySpan<byte> envelope, string expectedType, string source) =>
        Verify(SignedDocument.Parse(envelope, source), expectedType, source);

    public void Dispose() => _key.Dispose();
}
