namespace EdgeIngest.Evaluation;

/// <summary>What happened to one true plate.</summary>
public enum PlateOutcome
{
    /// <summary>Read exactly.</summary>
    Read,

    /// <summary>No detector box found the plate.</summary>
    NotDetected,

    /// <summary>Found, but the ranked reads it was judged on did not match (or there were none).</summary>
    WrongRead,
}
