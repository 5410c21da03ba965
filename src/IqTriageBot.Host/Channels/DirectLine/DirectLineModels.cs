using System.Text.Json.Serialization;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>Body of tokens/generate and of POST /conversations; both casings of the field names are accepted.</summary>
public sealed class TokenParameters
{
    public UserParameter? User { get; set; }

    public string? Locale { get; set; }

    public string[]? TrustedOrigins { get; set; }
}

public sealed class UserParameter
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

/// <summary>Response of token operations.</summary>
public sealed record TokenResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Response of start and reconnect: the Conversation object of Direct Line 3.0.</summary>
public sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string StreamUrl);
