namespace EdgeIngest.WebConsole.Views;

/// <summary>One vehicle pass as the Reads page shows it: whether it went to the agency or stayed on the box.</summary>
internal sealed record ReadRow(string Time, string Camera, string Plate, bool Shared);
