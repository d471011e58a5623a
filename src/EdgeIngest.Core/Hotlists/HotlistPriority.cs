namespace EdgeIngest.Hotlists;

/// <summary>How urgently the agency wants to know about a hit; drives the investigator's alert.</summary>
public enum HotlistPriority
{
    Low,
    Medium,
    High,
    Critical,
}
