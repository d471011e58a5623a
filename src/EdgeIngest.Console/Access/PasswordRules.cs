namespace EdgeIngest.WebConsole.Access;

/// <summary>What a new console password must be, as one message the form shows.</summary>
internal static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <returns>Null when acceptable, else what is wrong in words.</returns>
    public static string? Problem(string? password, string? confirmation)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"The password must be at least {MinLength} characters long.";
        }

        if (password.Length > MaxLength)
        {
            return $"The password must be at most {MaxLength} characters long.";
        }

        return password != confirmation ? "The two passwords differ; type the same password twice." : null;
    }
}
