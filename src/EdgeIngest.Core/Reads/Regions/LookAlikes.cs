namespace EdgeIngest.Reads.Regions;

/// <summary>
/// The letter–digit pairs a plate recogniser confuses because plate fonts draw them almost alike:
/// I/1, O/0, B/8, S/5, Z/2, G/6. Only these are ever corrected, and only where a layout position
/// asks for the other class (<see cref="PlateLayouts"/>); any other character in the wrong class
/// means the read does not fit that layout.
/// </summary>
public static class LookAlikes
{
    /// <summary>The digit that <paramref name="letter"/> is mistaken for, or <c>'\0'</c> when it has none.</summary>
    public static char ToDigit(char letter) => letter switch
    {
        'I' => '1',
        'O' => '0',
        'B' => '8',
        'S' => '5',
        'Z' => '2',
        'G' => '6',
        _ => '\0',
    };

    /// <summary>The letter that <paramref name="digit"/> is mistaken for, or <c>'\0'</c> when it has none.</summary>
    public static char ToLetter(char digit) => digit switch
    {
        '1' => 'I',
        '0' => 'O',
        '8' => 'B',
        '5' => 'S',
        '2' => 'Z',
        '6' => 'G',
        _ => '\0',
    };
}
