namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>Absolute URLs handed to clients (streamUrl, file links): configured base, else the request's own.</summary>
public static class PublicUrls
{
    public static string HttpBase(HttpRequest request, DirectLineOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');

    public static string WebSocketBase(HttpRequest request, DirectLineOptions options)
    {
        var http = HttpBase(request, options);
        return http.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? "wss://" + http["https://".Length..]
            : "ws://" + http["http://".Length..];
    }
}
