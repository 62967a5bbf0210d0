namespace Hromada.Core.Community;

/// <summary>Checks URL-valued settings the same way everywhere.</summary>
public static class UrlSetting
{
    /// <summary>True when <paramref name="value"/> is an absolute http or https URL.</summary>
    public static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
