using System.ComponentModel.DataAnnotations;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>Settings of the self-hosted Direct Line 3.0 endpoint (configuration section "DirectLine").</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>Largest activity a client may post; the Direct Line service's own limit.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>
    /// The master secret (environment variable DirectLine__Secret). When empty, one is generated on first
    /// start and kept beside the database, so tokens survive restarts.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token is valid. Clients refresh every 15 minutes, so at least 30.</summary>
    [Range(1800, 86400)]
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>How long the WebSocket URL handed out in streamUrl may be used to connect.</summary>
    [Range(60, 3600)]
    public int StreamTokenLifetimeSeconds { get; set; } = 300;

    /// <summary>Origins of other websites that may call Direct Line from a browser; "*" allows any.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Base URL clients reach this host on (behind a proxy); empty: taken from each request.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Upper bound for the files of one upload, in bytes.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    [Required]
    public string BotId { get; set; } = "iqtriagebot";

    [Required]
    public string BotName { get; set; } = "IQ Triage Assistant";
}
