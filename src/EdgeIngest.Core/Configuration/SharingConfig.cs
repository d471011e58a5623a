namespace EdgeIngest.Configuration;

/// <summary>The data-sharing policy agreed between the property owner and the agency.</summary>
public sealed class SharingConfig
{
    /// <summary><c>hits_only</c> (default) or <c>all_reads</c>; see <see cref="SharingPolicy"/>.</summary>
    public string Policy { get; set; } = "hits_only";

    /// <summary>The policy as parsed; valid only after <see cref="ConfigValidator"/> accepted the file.</summary>
    public SharingPolicy ParsedPolicy => Policy switch
    {
        "all_reads" => SharingPolicy.AllReads,
        _ => SharingPolicy.HitsOnly,
    };
}
