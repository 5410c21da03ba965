using System.ComponentModel.DataAnnotations;

namespace IqTriageBot.Host.Channels.WhatsApp;

/// <summary>The WhatsApp Cloud API number (configuration section "WhatsApp"). The channel is off while <see cref="AccessToken"/> is empty.</summary>
public sealed class WhatsAppOptions : IValidatableObject
{
    public const string Section = "WhatsApp";

    /// <summary>A system-user access token with whatsapp_business_messaging (environment variable WhatsApp__AccessToken).</summary>
    public string? AccessToken { get; set; }

    /// <summary>The Meta app's secret; X-Hub-Signature-256 is checked with it (WhatsApp__AppSecret).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The verify token entered in the app dashboard for the webhook handshake (WhatsApp__VerifyToken).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The business phone number id to send from when the conversation did not name one.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The Graph API server.</summary>
    [Required]
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>The Graph API version in request paths.</summary>
    [Required]
    [RegularExpression(@"^v\d+\.\d+$")]
    public string GraphVersion { get; set; } = "v23.0";

    public bool Enabled => !string.IsNullOrWhiteSpace(AccessToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(GraphBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("WhatsApp:GraphBaseUrl must be an absolute URL.", [nameof(GraphBaseUrl)]);
        }

        if (Enabled && (string.IsNullOrWhiteSpace(AppSecret) || string.IsNullOrWhiteSpace(VerifyToken) || string.IsNullOrWhiteSpace(PhoneNumberId)))
        {
            yield return new ValidationResult("WhatsApp:AppSecret, WhatsApp:VerifyToken and WhatsApp:PhoneNumberId are required with an access token.", [nameof(AppSecret)]);
        }
    }
}
