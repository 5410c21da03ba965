namespace IqTriageBot.Host.Channels.BotService;

/// <summary>Azure Bot Service registration (configuration section "Bot").</summary>
public sealed class BotServiceOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's Microsoft App ID. Empty: local development, only loopback callers are served.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret of the app registration (environment variable Bot__MicrosoftAppPassword).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant of a single-tenant registration; empty for multi-tenant.</summary>
    public string? MicrosoftAppTenantId { get; set; }
}
