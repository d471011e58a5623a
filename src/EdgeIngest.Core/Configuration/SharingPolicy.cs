namespace EdgeIngest.Configuration;

/// <summary>What leaves the property. The default shares hotlist hits and nothing else.</summary>
public enum SharingPolicy
{
    HitsOnly,
    AllReads,
}
