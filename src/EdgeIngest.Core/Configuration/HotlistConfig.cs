namespace EdgeIngest.Configuration;

/// <summary>The agency's hotlist, a CSV file of <c>plate,reason,priority</c>.</summary>
public sealed class HotlistConfig
{
    public string File { get; set; } = "";
}
