using Microsoft.Extensions.Primitives;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>Who is calling: the holder of the secret (any conversation) or of a token (one conversation).</summary>
public sealed record DirectLineCaller(bool IsSecret, string? ConversationId, string? UserId, string? Token)
{
    public bool MayAccess(string conversationId) => IsSecret || ConversationId == conversationId;
}

/// <summary>Outcome of authentication: a caller, or the error response to send.</summary>
public readonly record struct AuthOutcome(DirectLineCaller? Caller, IResult? Failure);

/// <summary>Resolves the Authorization header of a Direct Line REST call.</summary>
public sealed class DirectLineAuth(DirectLineSecret secret, DirectLineTokens tokens)
{
    public AuthOutcome Authenticate(HttpRequest request)
    {
        var credential = ReadCredential(request.Headers.Authorization);
        if (credential is null)
        {
            return new AuthOutcome(null, DirectLineErrors.MissingCredentials());
        }

        if (secret.Matches(credential))
        {
            return new AuthOutcome(new DirectLineCaller(true, null, null, null), null);
        }

        var check = tokens.Check(credential, DirectLineTokens.ConversationKind);
        return check.Status switch
        {
            TokenStatus.Valid => new AuthOutcome(new DirectLineCaller(false, check.Grant!.ConversationId, check.Grant.UserId, credential), null),
            TokenStatus.Expired => new AuthOutcome(null, DirectLineErrors.TokenExpired()),
            _ => new AuthOutcome(null, DirectLineErrors.BadCredentials()),
        };
    }

    /// <summary>"Bearer x" (Direct Line 3.0) or "BotConnector x" (accepted by the service for 1.1 clients).</summary>
    private static string? ReadCredential(StringValues header)
    {
        var value = header.ToString();
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var scheme = value[..space];
        var credential = value[(space + 1)..].Trim();
        var knownScheme = scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("BotConnector", StringComparison.OrdinalIgnoreCase);
        return knownScheme && credential.Length > 0 ? credential : null;
    }
}
