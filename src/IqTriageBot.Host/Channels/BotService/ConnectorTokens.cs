using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>
/// The bot's own access token for the Connector: OAuth2 client credentials at Entra ID, the tenant's token
/// endpoint for a single-tenant registration, botframework.com's for a multi-tenant one. Cached until five
/// minutes before it expires (half its lifetime for short-lived tokens).
/// </summary>
public sealed class ConnectorTokens(IHttpClientFactory httpFactory, IOptions<BotServiceOptions> options, TimeProvider time, ILogger<ConnectorTokens> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>True when an app id and a secret are configured, so replies carry a token.</summary>
    public bool Configured =>
        !string.IsNullOrWhiteSpace(options.Value.MicrosoftAppId) && !string.IsNullOrWhiteSpace(options.Value.MicrosoftAppPassword);

    /// <summary>Where the token is requested.</summary>
    public string TokenEndpoint
    {
        get
        {
            var tenant = string.IsNullOrWhiteSpace(options.Value.MicrosoftAppTenantId) ? "botframework.com" : options.Value.MicrosoftAppTenantId.Trim();
            return $"{options.Value.LoginAuthority.TrimEnd('/')}/{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token";
        }
    }

    /// <summary>A valid access token, or null when no credentials are configured or Entra ID cannot issue one now.</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (!Configured)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && time.GetUtcNow() < _renewAt)
            {
                return _token;
            }

            return await RequestAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets the cached token (the Connector refused it).</summary>
    public void Invalidate() => _token = null;

    private async Task<string?> RequestAsync(CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.Value.MicrosoftAppId!,
            ["client_secret"] = options.Value.MicrosoftAppPassword!,
            ["scope"] = options.Value.OAuthScope,
        });
        try
        {
            using var response = await httpFactory.CreateClient(SigningKeys.HttpClientName).PostAsync(TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                BotServiceLog.TokenRefused(logger, (int)response.StatusCode);
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var root = body.RootElement;
            if (!root.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String)
            {
                BotServiceLog.TokenRefused(logger, (int)response.StatusCode);
                return null;
            }

            var lifetime = TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var expires) ? Seconds(expires) : 3600);
            var margin = lifetime > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : lifetime / 2;
            _token = access.GetString();
            _renewAt = time.GetUtcNow() + lifetime - margin;
            return _token;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
                                              or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            BotServiceLog.TokenUnavailable(logger, exception);
            return null;
        }
    }

    private static double Seconds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
        _ => 3600,
    };
}
