using System.ComponentModel.DataAnnotations;

namespace IqTriageBot.Host.Translation;

/// <summary>The machine translation service (configuration section "Translation").</summary>
public sealed class TranslationOptions : IValidatableObject
{
    public const string Section = "Translation";

    /// <summary>none (default), azure, deepl or libretranslate.</summary>
    public string Provider { get; set; } = "none";

    /// <summary>The service's base URL; empty: the provider's public endpoint (required for libretranslate).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The API key; set it through the environment (Translation__Key), never in a committed file.</summary>
    public string? Key { get; set; }

    /// <summary>Azure only: the resource's region (Ocp-Apim-Subscription-Region), e.g. westeurope; empty for a global resource.</summary>
    public string? Region { get; set; }

    /// <summary>How long one request to the service may take before the bot goes on without it.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsOff => string.IsNullOrWhiteSpace(Provider) || string.Equals(Provider, "none", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var provider = (Provider ?? "none").ToLowerInvariant();
        if (provider is not ("none" or "" or "azure" or "deepl" or "libretranslate"))
        {
            yield return new ValidationResult($"Translation:Provider must be none, azure, deepl or libretranslate (was '{Provider}').", [nameof(Provider)]);
        }

        if (provider is "azure" or "deepl" && string.IsNullOrWhiteSpace(Key))
        {
            yield return new ValidationResult($"Translation:Key is required for {provider} (set Translation__Key in the environment).", [nameof(Key)]);
        }

        if (provider == "libretranslate" && string.IsNullOrWhiteSpace(Endpoint))
        {
            yield return new ValidationResult("Translation:Endpoint is required for libretranslate (the self-hosted server's URL).", [nameof(Endpoint)]);
        }

        if (!string.IsNullOrWhiteSpace(Endpoint) && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Translation:Endpoint must be an absolute URL.", [nameof(Endpoint)]);
        }
    }
}
