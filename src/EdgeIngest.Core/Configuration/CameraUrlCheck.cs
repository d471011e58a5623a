namespace EdgeIngest.Configuration;

/// <summary>
/// The configuration-time check of a camera URL. It describes what is wrong without echoing the
/// URL's password: a property owner pastes these messages into support tickets.
/// </summary>
public static class CameraUrlCheck
{
    /// <summary>Null when the URL is usable; otherwise what is wrong with it.</summary>
    public static string? Problem(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "missing — expected rtsp://[user:password@]host[:port]/path";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"'{Redact(url)}' is not a URL — expected rtsp://[user:password@]host[:port]/path";
        }

        if (uri.Scheme is not ("rtsp" or "rtsps"))
        {
            return $"'{Redact(url)}' uses scheme '{uri.Scheme}' — expected rtsp or rtsps";
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            return $"'{Redact(url)}' has no host — expected rtsp://host[:port]/path";
        }

        return null;
    }

    /// <summary>The URL with any password replaced by <c>***</c>; works on strings that do not parse.</summary>
    public static string Redact(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var at = url.IndexOf('@', start);
        if (at < 0)
        {
            return url;
        }

        var colon = url.IndexOf(':', start);
        return colon >= 0 && colon < at ? string.Concat(url.AsSpan(0, colon + 1), "***", url.AsSpan(at)) : url;
    }
}
