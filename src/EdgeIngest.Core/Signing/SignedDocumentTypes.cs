namespace EdgeIngest.Signing;

/// <summary>The kinds of document the agency signs (the envelope's <c>type</c>).</summary>
public static class SignedDocumentTypes
{
    /// <summary>A complete hotlist with its version (payload schema <c>edgeingest.hotlist/2</c>).</summary>
    public const string Hotlist = "hotlist";

    /// <summary>Changes against one hotlist version (payload schema <c>edgeingest.hotlist-delta/1</c>).</summary>
    public const string HotlistDelta = "hotlist-delta";

    /// <summary>The data-sharing agreement (payload schema <c>edgeingest.agreement/1</c>).</summary>
    public const string Agreement = "agreement";
}
