namespace EdgeIngest.Enrollment;

/// <summary>
/// One camera as the agency's registry of participating properties lists it: what the owner calls
/// it, where it hangs and what it looks at, so an investigator knows whose footage may help.
/// </summary>
public sealed record RegisteredCamera(string Name, string Location, string ViewDirection);
