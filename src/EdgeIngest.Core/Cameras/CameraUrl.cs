using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace EdgeIngest.Cameras;

/// <summary>
/// A validated camera URL that knows its secrets. <see cref="Redacted"/> (also
/// <see cref="ToString"/>) renders <c>rtsp://user:***@host:port/path</c> for every log line and
/// error; <see cref="Redact"/> scrubs the secrets out of text that echoes the URL (ffmpeg's stderr).
/// Only <see cref="WithCredentials"/> carries the password, and it goes only to ffmpeg's arguments.
/// </summary>
public sealed class CameraUrl
{
    private const string Mask = "***";
    private static readonly string[] SecretQueryKeys = ["pass", "pwd", "secret", "token", "key", "auth"];

    private readonly string[] _secrets;

    private CameraUrl(string cameraId, string withCredentials, string redacted, string[] secrets)
    {
        CameraId = cameraId;
        WithCredentials = withCredentials;
        Redacted = redacted;
        _secrets = secrets;
    }

    public string CameraId { get; }

    /// <summary>The URL as configured, password included: for ffmpeg's command line only.</summary>
    public string WithCredentials { get; }

    public string Redacted { get; }

    public static CameraUrl Parse(string cameraId, string? text) =>
        TryParse(cameraId, text, out var url, out var error) ? url : throw new CameraConfigurationException(error);

    /// <summary>Validates the URL; on failure the error names the camera and what is wrong, without echoing the URL.</summary>
    public static bool TryParse(string cameraId, string? text, [NotNullWhen(true)] out CameraUrl? url, [NotNullWhen(false)] out string? error)
    {
        url = null;
        error = Validate(cameraId, text, out var uri);
        if (error is not null)
        {
            return false;
        }

        var secrets = new List<string>();
        var userInfo = RenderUserInfo(uri!.UserInfo, secrets);
        var query = RenderQuery(uri.Query, secrets);
        var port = uri.IsDefaultPort || uri.Port < 0 ? "" : $":{uri.Port}";
        var redacted = $"{uri.Scheme}://{userInfo}{uri.Host}{port}{uri.AbsolutePath}{query}";
        // Longest first, so a secret that contains another is masked whole.
        secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        url = new CameraUrl(cameraId, text!.Trim(), redacted, [.. secrets]);
        return true;
    }

    /// <summary>Replaces every secret (raw and percent-decoded) in <paramref name="text"/> with <c>***</c>.</summary>
    public string Redact(string text)
    {
        if (_secrets.Length == 0)
        {
            return text;
        }

        var result = text.Replace(WithCredentials, Redacted, StringComparison.Ordinal);
        foreach (var secret in _secrets)
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return result;
    }

    public override string ToString() => Redacted;

    private static string? Validate(string cameraId, string? text, out Uri? uri)
    {
        uri = null;
        var prefix = $"camera '{cameraId}': url";
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"{prefix} is empty; expected rtsp://[user:password@]host[:port]/path";
        }

        // The text itself is never echoed: it may hold a password.
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out uri) || !text.Contains("://", StringComparison.Ordinal))
        {
            return $"{prefix} is not an absolute URL; expected rtsp://[user:password@]host[:port]/path";
        }

        if (uri.Scheme is not ("rtsp" or "rtsps"))
        {
            return $"{prefix} has scheme '{uri.Scheme}'; only rtsp and rtsps are supported";
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            return $"{prefix} has no host; expected rtsp://[user:password@]host[:port]/path";
        }

        return null;
    }

    private static string RenderUserInfo(string userInfo, List<string> secrets)
    {
        if (userInfo.Length == 0)
        {
            return "";
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return $"{userInfo}@";
        }

        AddSecret(userInfo[(colon + 1)..], secrets);
        return $"{userInfo[..colon]}:{Mask}@";
    }

    private static string RenderQuery(string query, List<string> secrets)
    {
        if (query.Length <= 1)
        {
            return query;
        }

        var rendered = new StringBuilder("?");
        foreach (var pair in query[1..].Split('&'))
        {
            if (rendered.Length > 1)
            {
                rendered.Append('&');
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && IsSecretKey(pair[..equals]))
            {
                AddSecret(pair[(equals + 1)..], secrets);
                rendered.Append(pair[..equals]).Append('=').Append(Mask);
            }
            else
            {
                rendered.Append(pair);
            }
        }

        return rendered.ToString();
    }

    private static bool IsSecretKey(string key)
    {
        foreach (var secretKey in SecretQueryKeys)
        {
            if (key.Contains(secretKey, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddSecret(string raw, List<string> secrets)
    {
        if (raw.Length == 0)
        {
            return;
        }

        secrets.Add(raw);
        var decoded = Uri.UnescapeDataString(raw);
        if (decoded != raw)
        {
            secrets.Add(decoded);
        }
    }
}
