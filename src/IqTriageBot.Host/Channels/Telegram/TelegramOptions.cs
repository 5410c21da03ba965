using System.ComponentModel.DataAnnotations;

namespace IqTriageBot.Host.Channels.Telegram;

/// <summary>The Telegram bot (configuration section "Telegram"). The channel is off while <see cref="BotToken"/> is empty.</summary>
public sealed class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>The token from @BotFather (environment variable Telegram__BotToken).</summary>
    public string? BotToken { get; set; }

    /// <summary>Sent by Telegram in X-Telegram-Bot-Api-Secret-Token; 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram__SecretToken).</summary>
    public string? SecretToken { get; set; }

    /// <summary>The Bot API server.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>The public HTTPS address of POST /telegram/webhook, registered by "telegram set-webhook".</summary>
    public string? WebhookUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Telegram:ApiBaseUrl must be an absolute URL.", [nameof(ApiBaseUrl)]);
        }

        if (Enabled && (SecretToken is not { Length: >= 1 and <= 256 } || !SecretToken.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            yield return new ValidationResult("Telegram:SecretToken is required with a bot token: 1-256 characters of A-Z, a-z, 0-9, _ and -.", [nameof(SecretToken)]);
        }
    }
}
