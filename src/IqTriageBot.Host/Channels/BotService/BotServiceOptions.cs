using System.ComponentModel.DataAnnotations;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>Azure Bot Service registration (configuration section "Bot").</summary>
public sealed class BotServiceOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's Microsoft App ID. Empty: local development, only loopback callers are served, unauthenticated.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret of the app registration (environment variable Bot__MicrosoftAppPassword).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant of a single-tenant registration; empty for multi-tenant.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Connector, which signs the tokens of Azure Bot Service channels.</summary>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Entra ID, which signs the tokens the Bot Framework Emulator sends.</summary>
    [Required]
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Entra ID authority; the token endpoint is {authority}/{tenant or botframework.com}/oauth2/v2.0/token.</summary>
    [Required]
    public string LoginAuthority { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Scope of the client-credentials token the bot presents to the Connector.</summary>
    [Required]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Hours after which the signing keys are fetched again even when every token's key is known.</summary>
    [Range(1, 24)]
    public int SigningKeyRefreshHours { get; set; } = 24;

    /// <summary>Minutes between two fetches caused by a token whose key id is unknown (a key rotation).</summary>
    [Range(1, 1440)]
    public int UnknownKeyRefreshMinutes { get; set; } = 60;

    /// <summary>Attempts per outgoing activity when the Connector answers 429 or 5xx or cannot be reached.</summary>
    [Range(1, 10)]
    public int SendAttempts { get; set; } = 4;

    /// <summary>First back-off between attempts when the Connector gives no Retry-After; doubled each time.</summary>
    [Range(1, 60000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>Upper bound of any single wait, also of a Retry-After the Connector asks for.</summary>
    [Range(1, 300)]
    public int MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>A typing indicator goes out when a turn has not answered after this long; 0: before every message turn.</summary>
    [Range(0, 60000)]
    public int TypingDelayMilliseconds { get; set; } = 1000;
}
