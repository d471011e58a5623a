using System.Security.Cryptography;

namespace EdgeIngest.Signing;

/// <summary>Short, stable names for keys: what an envelope says it was signed with.</summary>
internal static class KeyIds
{
    public static string Of(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
