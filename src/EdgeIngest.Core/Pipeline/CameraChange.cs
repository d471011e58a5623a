namespace EdgeIngest.Pipeline;

/// <summary>What a console change did: in force, or refused with every problem (nothing changed then).</summary>
public sealed record CameraChange(bool Applied, IReadOnlyList<string> Problems, string Summary)
{
    public static CameraChange Refused(IReadOnlyList<string> problems) => new(false, problems, "nothing was changed");

    public static CameraChange Done(string summary) => new(true, [], summary);
}
