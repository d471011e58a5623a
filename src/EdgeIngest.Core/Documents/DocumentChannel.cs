namespace EdgeIngest.Documents;

/// <summary>How a signed document reached the device; decides which document types it may carry.</summary>
public enum DocumentChannel
{
    /// <summary><c>{prefix}/{device}/hotlist</c>: a full hotlist or a delta.</summary>
    HotlistTopic,

    /// <summary><c>{prefix}/{device}/agreement</c>: an agreement.</summary>
    AgreementTopic,

    /// <summary>A file dropped into <c>{storage}/inbox/</c>: any of the three.</summary>
    InboxFile,

    /// <summary>The <c>hotlist.replace</c> command's <c>signed</c> field: a full hotlist or a delta.</summary>
    Command,
}
