using IqTriageBot.Host.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>Outcome of checking the bearer token of a call to /api/messages; <see cref="Failure"/> is for the log only.</summary>
public sealed record ChannelAuthResult(bool Succeeded, bool FromEmulator, string? Failure)
{
    public static ChannelAuthResult Fail(string reason) => new(false, false, reason);
}

/// <summary>
/// Checks the JWT a Bot Connector channel or the Bot Framework Emulator sends. Channel tokens: signed by a
/// key of the Bot Connector's metadata, issuer https://api.botframework.com, audience the bot's app id,
/// the key's endorsements naming the activity's channel, the serviceurl claim equal to the activity's
/// serviceUrl. Emulator tokens (recognised by their Entra ID issuer): signed by an Entra ID key, audience
/// and appid/azp the bot's app id. Both with five minutes of clock skew and RS256/384/512 only.
/// </summary>
public sealed class ChannelAuthenticator : IDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>Issuers of Emulator tokens (Entra ID v1 and v2 tokens of the two Bot Framework tenants).</summary>
    public static readonly IReadOnlyList<string> EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly HashSet<string> _emulatorIssuers;

    public ChannelAuthenticator(IOptions<BotServiceOptions> options, IHttpClientFactory httpFactory, TimeProvider time, ILogger<ChannelAuthenticator> logger)
    {
        _options = options.Value;
        _time = time;
        var refresh = TimeSpan.FromHours(_options.SigningKeyRefreshHours);
        var unknownKey = TimeSpan.FromMinutes(_options.UnknownKeyRefreshMinutes);
        ChannelKeys = new SigningKeys(_options.OpenIdMetadataUrl, httpFactory, time, refresh, unknownKey, logger);
        EmulatorKeys = new SigningKeys(_options.EmulatorOpenIdMetadataUrl, httpFactory, time, refresh, unknownKey, logger);
        _emulatorIssuers = new HashSet<string>(EmulatorIssuers, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            _emulatorIssuers.Add($"https://sts.windows.net/{_options.MicrosoftAppTenantId}/");
            _emulatorIssuers.Add($"https://login.microsoftonline.com/{_options.MicrosoftAppTenantId}/v2.0");
        }
    }

    public void Dispose()
    {
        ChannelKeys.Dispose();
        EmulatorKeys.Dispose();
    }

    /// <summary>The Bot Connector's keys.</summary>
    public SigningKeys ChannelKeys { get; }

    /// <summary>Entra ID's keys, for Emulator tokens.</summary>
    public SigningKeys EmulatorKeys { get; }

    /// <summary>The token of an "Authorization: Bearer ..." header, or null when the header is missing or of another form.</summary>
    public static string? BearerToken(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var parts = header.Split(' ');
        return parts.Length == 2 && parts[0] == "Bearer" && parts[1].Length > 0 ? parts[1] : null;
    }

    public async Task<ChannelAuthResult> AuthenticateAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var appId = _options.MicrosoftAppId;
        if (string.IsNullOrWhiteSpace(appId))
        {
            return ChannelAuthResult.Fail("no app id configured");
        }

        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return ChannelAuthResult.Fail("not a JWT");
        }

        var emulator = _emulatorIssuers.Contains(unverified.Issuer ?? string.Empty);
        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return ChannelAuthResult.Fail("no key id");
        }

        var key = await (emulator ? EmulatorKeys : ChannelKeys).FindAsync(unverified.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return ChannelAuthResult.Fail("unknown signing key");
        }

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = emulator ? _emulatorIssuers : [ChannelIssuer],
            ValidateAudience = true,
            ValidAudience = appId,
            ValidateLifetime = true,
            LifetimeValidator = ValidLifetime,
            RequireSignedTokens = true,
            IssuerSigningKey = key.Key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = Algorithms,
            ClockSkew = ClockSkew,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken valid)
        {
            return ChannelAuthResult.Fail(result.Exception?.GetType().Name ?? "invalid token");
        }

        // Endorsements: a key limited to some channels signs only for those.
        if (key.Endorsements.Count > 0 && !string.IsNullOrEmpty(activity.ChannelId) && !key.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return ChannelAuthResult.Fail("signing key not endorsed for the channel");
        }

        if (emulator)
        {
            var caller = Claim(valid, "ver") switch
            {
                "1.0" => Claim(valid, "appid"),
                "2.0" => Claim(valid, "azp"),
                _ => null,
            };
            return caller == appId ? new ChannelAuthResult(true, true, null) : ChannelAuthResult.Fail("emulator token for another app");
        }

        return Claim(valid, "serviceurl") is { } serviceUrl && serviceUrl == activity.ServiceUrl
            ? new ChannelAuthResult(true, false, null)
            : ChannelAuthResult.Fail("serviceurl claim does not match the activity");
    }

    private static string? Claim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value : null;

    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - ClockSkew);
    }
}
