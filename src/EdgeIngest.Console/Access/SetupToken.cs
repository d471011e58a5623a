using System.Security.Cryptography;
using System.Text;

namespace EdgeIngest.WebConsole.Access;

/// <summary>
/// The secret in the first-run link (<c>/setup?token=…</c>), printed only on the service's own
/// output: whoever can reach the console but cannot read that output cannot claim the box by
/// setting the first password. It stops working once a password is set.
/// </summary>
internal sealed class SetupToken(string value)
{
    public string Value { get; } = value;

    public static SetupToken CreateRandom() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));
}
