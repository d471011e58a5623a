using System.Security.Cryptography;

namespace EdgeIngest.WebConsole.Access;

/// <summary>
/// The console password as stored: PBKDF2 with HMAC-SHA-256 over a random 16-byte salt and
/// 600,000 iterations (OWASP's guidance for SHA-256), paid once per login attempt; the lockout
/// bounds the attempts. Compared in fixed time.
/// </summary>
internal sealed record PasswordHash(string Algorithm, int Iterations, byte[] Salt, byte[] Hash)
{
    public const string Pbkdf2Sha256 = "pbkdf2-sha256";
    public const int DefaultIterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static PasswordHash Create(string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(Pbkdf2Sha256, iterations, salt, Derive(password, salt, iterations));
    }

    public bool Matches(string password) =>
        Algorithm == Pbkdf2Sha256 && CryptographicOperations.FixedTimeEquals(Derive(password, Salt, Iterations), Hash);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
