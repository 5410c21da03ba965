using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>A signing key of a token issuer, with the channel ids it is endorsed for (empty: any channel).</summary>
public sealed record SigningKey(JsonWebKey Key, IReadOnlyList<string> Endorsements);

/// <summary>
/// The signing keys named by one OpenID metadata document (metadata, then its jwks_uri), cached. The keys
/// are fetched again after <c>refresh</c>, and when a token names an unknown key id, at most once per
/// <c>unknownKeyInterval</c> (a key rotation between two scheduled refreshes). A failed fetch keeps the
/// keys already known. Only RSA keys are kept; the Bot Connector adds "endorsements" to each key.
/// </summary>
public sealed class SigningKeys(
    string metadataUrl,
    IHttpClientFactory httpFactory,
    TimeProvider time,
    TimeSpan refresh,
    TimeSpan unknownKeyInterval,
    ILogger logger) : IDisposable
{
    public const string HttpClientName = "BotServiceAuth";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, SigningKey>? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _unknownKeyFetchAt;

    public void Dispose() => _gate.Dispose();

    /// <summary>The key with this id, or null when the issuer does not (or no longer) publish it.</summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_keys is null || now - _fetchedAt >= refresh)
            {
                await FetchAsync(cancellationToken).ConfigureAwait(false);
            }

            if (_keys is not null && _keys.TryGetValue(keyId, out var key))
            {
                return key;
            }

            if (_unknownKeyFetchAt is { } last && now - last < unknownKeyInterval)
            {
                return null;
            }

            _unknownKeyFetchAt = now;
            await FetchAsync(cancellationToken).ConfigureAwait(false);
            return _keys is not null && _keys.TryGetValue(keyId, out key) ? key : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var http = httpFactory.CreateClient(HttpClientName);
            using var metadata = await GetJsonAsync(http, metadataUrl, cancellationToken).ConfigureAwait(false);
            if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUri) || jwksUri.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException("The OpenID metadata has no jwks_uri.");
            }

            using var keySet = await GetJsonAsync(http, jwksUri.GetString()!, cancellationToken).ConfigureAwait(false);
            _keys = Parse(keySet.RootElement);
            _fetchedAt = time.GetUtcNow();
            BotServiceLog.KeysFetched(logger, _keys.Count);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or InvalidDataException or ArgumentException
                                              or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Keep what is known; the next token tries again.
            BotServiceLog.KeysUnavailable(logger, exception);
        }
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        var uri = new Uri(url, UriKind.Absolute);
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new InvalidDataException("Signing key metadata must come over HTTPS.");
        }

        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    internal static Dictionary<string, SigningKey> Parse(JsonElement keySet)
    {
        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!keySet.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The key set has no 'keys' array.");
        }

        foreach (var element in keys.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || Text(element, "kty") != "RSA" || Text(element, "kid") is not { Length: > 0 } kid
                || Text(element, "n") is null || Text(element, "e") is null)
            {
                continue;
            }

            var endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            result[kid] = new SigningKey(new JsonWebKey(element.GetRawText()), endorsements);
        }

        return result;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
