namespace EdgeIngest.Reads;

/// <summary>
/// Where the cameras are, for ranking candidate reads by how plates there look
/// (<see cref="PlateFormats"/>). It only orders reads; it never changes a character.
/// </summary>
public enum PlateRegion
{
    /// <summary>No regional preference: plausible reads rank by size alone.</summary>
    Any,

    /// <summary>United States: standard plates carry 5–7 characters, letters and digits mixed.</summary>
    Us,
}
