namespace EdgeIngest.Reads.Regions;

/// <summary>What one position of a plate layout holds (<c>L</c>, <c>9</c> or <c>?</c> in a template file).</summary>
public enum PositionClass : byte
{
    /// <summary><c>L</c>: a letter A–Z.</summary>
    Letter,

    /// <summary><c>9</c>: a digit 0–9.</summary>
    Digit,

    /// <summary><c>?</c>: a letter or a digit; never corrected, whatever the recogniser read.</summary>
    Either,
}
