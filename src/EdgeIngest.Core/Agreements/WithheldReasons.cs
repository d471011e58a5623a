namespace EdgeIngest.Agreements;

/// <summary>Why the agreement keeps a hit on the box: the codes counted, audited and reported.</summary>
public static class WithheldReasons
{
    /// <summary>The entry's category is not in the agreement's allow-list: counted, never sent.</summary>
    public const string CategoryNotAllowed = "category_not_allowed";

    /// <summary>The agreement's valid_until has passed: nothing is sent until a newer one arrives.</summary>
    public const string AgreementExpired = "agreement_expired";

    /// <summary>The agreement's valid_from has not come yet: nothing is sent until it does.</summary>
    public const string AgreementNotYetValid = "agreement_not_yet_valid";
}
