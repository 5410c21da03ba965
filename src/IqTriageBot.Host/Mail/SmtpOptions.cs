using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace IqTriageBot.Host.Mail;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection (only for a server on the same machine or network).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on port 465, else STARTTLS when the server offers it.</summary>
    Auto,
}

/// <summary>
/// The SMTP server for mails to the centres (configuration section "Smtp"). Sending is on when
/// <see cref="Host"/> is set; without it mails are queued in the outbox and shown as not sent in the portal.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    /// <summary>Host name of the SMTP server; empty: no mail is sent (it waits in the outbox).</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Account for SMTP authentication; empty: no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Password of that account. Set it through the environment variable Smtp__Password.</summary>
    public string? Password { get; set; }

    /// <summary>Sender address of the mails (also the organiser of the calendar invitations).</summary>
    public string FromAddress { get; set; } = "iqtriagebot@localhost";

    public string FromName { get; set; } = "IQ Triage Assistant";

    /// <summary>Centre id to addresses (comma-separated) that get the centre's mails instead of the address in centres.yaml.</summary>
    public Dictionary<string, string> CentreRecipients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where mails go for a centre that has no address (for example the operator's inbox); empty: such mails are kept as failed.</summary>
    public string? FallbackRecipient { get; set; }

    /// <summary>Seconds until the first retry after a failed attempt; each further retry waits twice as long.</summary>
    [Range(1, 3600)]
    public int RetryFirstSeconds { get; set; } = 30;

    /// <summary>The longest wait between two attempts.</summary>
    [Range(1, 86400)]
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>Attempts after which a mail is given up (status failed in the portal).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How often the outbox is checked for mails due again (new mails go out at once).</summary>
    [Range(1, 3600)]
    public int ScanSeconds { get; set; } = 30;

    /// <summary>Connect and command timeout.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsAddress(FromAddress))
        {
            yield return new ValidationResult("Smtp:FromAddress must be an e-mail address.", [nameof(FromAddress)]);
        }

        if (!string.IsNullOrEmpty(FallbackRecipient) && !IsAddress(FallbackRecipient))
        {
            yield return new ValidationResult("Smtp:FallbackRecipient must be an e-mail address.", [nameof(FallbackRecipient)]);
        }

        foreach (var (centre, addresses) in CentreRecipients)
        {
            if (Split(addresses).Count == 0 || !Split(addresses).All(IsAddress))
            {
                yield return new ValidationResult($"Smtp:CentreRecipients:{centre} must be one or more e-mail addresses, separated by commas.", [nameof(CentreRecipients)]);
            }
        }

        if (!string.IsNullOrEmpty(Password) && string.IsNullOrEmpty(UserName))
        {
            yield return new ValidationResult("Smtp:Password is set but Smtp:UserName is empty.", [nameof(UserName)]);
        }

        if (RetryMaxSeconds < RetryFirstSeconds)
        {
            yield return new ValidationResult("Smtp:RetryMaxSeconds must not be below Smtp:RetryFirstSeconds.", [nameof(RetryMaxSeconds)]);
        }
    }

    public static IReadOnlyList<string> Split(string? addresses) =>
        (addresses ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out var address) && address.Address == value.Trim() && value.Contains('@', StringComparison.Ordinal);
}
