using System.Threading.RateLimiting;
using IqTriageBot.Dialogs;
using IqTriageBot.Host.Channels.DirectLine;
using IqTriageBot.Host.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Hosting;

/// <summary>
/// What the chat page at / needs from the server: a Direct Line token for one conversation (the secret
/// never reaches the browser) and the list of languages with their writing direction.
/// </summary>
public static class WebChatEndpoints
{
    private const string TokenRateLimit = "webchat-token";

    /// <summary>How long after expiry a page may still trade its old token for a new one to resume.</summary>
    private static readonly TimeSpan ResumeWindow = TimeSpan.FromHours(24);

    public static IServiceCollection AddWebChat(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) }));
        });

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/webchat/token", IssueToken).RequireRateLimiting(TokenRateLimit).DisableAntiforgery();
        routes.MapGet("/api/webchat/config", Config);
        return routes;
    }

    private static async Task<Results<Ok<WebChatSession>, ProblemHttpResult>> IssueToken(
        HttpRequest request,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync<WebChatTokenRequest>(request, 8 * 1024, ProtocolJson.Options, cancellationToken);
        if (body.Problem != BodyProblem.None)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: body.Reason);
        }

        var lifetime = options.Value.TokenLifetimeSeconds;
        if (body.Value?.Token is { Length: > 0 } previous)
        {
            // Resume: a page reloaded (or came back after the token ran out) keeps its conversation.
            var check = tokens.Check(previous, DirectLineTokens.ConversationKind);
            if (check.Grant is { } grant && check.Status != TokenStatus.Invalid
                && time.GetUtcNow() - grant.ExpiresUtc < ResumeWindow
                && await conversations.GetAsync(grant.ConversationId, cancellationToken) is not null)
            {
                var renewed = tokens.Issue(DirectLineTokens.ConversationKind, grant.ConversationId, grant.UserId, TimeSpan.FromSeconds(lifetime));
                return TypedResults.Ok(new WebChatSession(grant.ConversationId, renewed, lifetime, Resumed: true));
            }
        }

        var user = DirectLineConversations.NewUserId();
        var conversation = await conversations.ReserveAsync(user, cancellationToken);
        var token = tokens.Issue(DirectLineTokens.ConversationKind, conversation.Id, user, TimeSpan.FromSeconds(lifetime));
        return TypedResults.Ok(new WebChatSession(conversation.Id, token, lifetime, Resumed: false));
    }

    private static Ok<WebChatConfig> Config(DialogContent content) =>
        TypedResults.Ok(new WebChatConfig(
            content.DefaultLanguage,
            content.Languages.Select(l => new WebChatLanguage(
                l.Code, l.Name, l.Locale, l.Direction,
                content.Catalogs[l.Code].Texts[TextKeys.PageTitle], content.Catalogs[l.Code].Texts[TextKeys.PageSubtitle])).ToList()));
}

public sealed record WebChatTokenRequest(string? Token);

public sealed record WebChatSession(string ConversationId, string Token, int ExpiresIn, bool Resumed);

public sealed record WebChatConfig(string DefaultLanguage, IReadOnlyList<WebChatLanguage> Languages);

/// <param name="Title">The page header in this language.</param>
public sealed record WebChatLanguage(string Code, string Name, string Locale, string Dir, string Title, string Subtitle);
