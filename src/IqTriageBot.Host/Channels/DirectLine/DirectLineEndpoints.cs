using System.Globalization;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Host.Protocol;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST surface under /v3/directline.</summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "directline";
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        group.MapGet("/", () => TypedResults.Ok());
        group.MapPost("/tokens/generate", GenerateToken);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapPost("/conversations", StartConversation);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        group.MapPost("/conversations/{conversationId}/activities", PostActivity);
        group.MapPost("/conversations/{conversationId}/upload", DirectLineUpload.Upload).DisableAntiforgery();
        group.MapGet("/conversations/{conversationId}/stream", DirectLineSocket.Connect);
        group.MapGet("/files/{fileId}", DirectLineUpload.Download);
        // Only used by OAuth sign-in cards, which this bot does not send; clients accept an empty id.
        group.MapGet("/session/getsessionid", () => TypedResults.Json(new { sessionId = string.Empty }));
        return routes;
    }

    private static async Task<IResult> GenerateToken(
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var outcome = auth.Authenticate(request);
        if (outcome.Caller is not { IsSecret: true })
        {
            return outcome.Failure ?? DirectLineErrors.BadCredentials();
        }

        var body = await RequestBody.ReadJsonAsync<TokenParameters>(request, 16 * 1024, ProtocolJson.Options, cancellationToken);
        if (Problem(body) is { } problem)
        {
            return problem;
        }

        var userId = string.IsNullOrWhiteSpace(body.Value?.User?.Id) ? DirectLineConversations.NewUserId() : body.Value.User.Id;
        var conversation = await conversations.ReserveAsync(userId, cancellationToken);
        var lifetime = options.Value.TokenLifetimeSeconds;
        var token = tokens.Issue(DirectLineTokens.ConversationKind, conversation.Id, userId, TimeSpan.FromSeconds(lifetime));
        return TypedResults.Json(new TokenResponse(conversation.Id, token, lifetime), ProtocolJson.Options);
    }

    private static IResult RefreshToken(HttpRequest request, DirectLineAuth auth, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        var outcome = auth.Authenticate(request);
        if (outcome.Caller is not { } caller)
        {
            return outcome.Failure!;
        }

        if (caller.IsSecret)
        {
            return DirectLineErrors.BadArgument("A secret does not expire; only tokens can be refreshed.");
        }

        var lifetime = options.Value.TokenLifetimeSeconds;
        var token = tokens.Issue(DirectLineTokens.ConversationKind, caller.ConversationId!, caller.UserId, TimeSpan.FromSeconds(lifetime));
        return TypedResults.Json(new TokenResponse(caller.ConversationId!, token, lifetime), ProtocolJson.Options);
    }

    private static async Task<IResult> StartConversation(
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var outcome = auth.Authenticate(request);
        if (outcome.Caller is not { } caller)
        {
            return outcome.Failure!;
        }

        var body = await RequestBody.ReadJsonAsync<TokenParameters>(request, 16 * 1024, ProtocolJson.Options, cancellationToken);
        if (Problem(body) is { } problem)
        {
            return problem;
        }

        var requestedUser = body.Value?.User?.Id;
        if (!caller.IsSecret || string.IsNullOrWhiteSpace(requestedUser))
        {
            requestedUser = null;
        }

        var (conversation, started) = await conversations.StartAsync(caller, requestedUser, body.Value?.Locale, cancellationToken);
        var response = ConversationResponseFor(request, caller, conversation, watermark: null, tokens, options.Value);
        return started
            ? TypedResults.Json(response, ProtocolJson.Options, statusCode: StatusCodes.Status201Created)
            : TypedResults.Json(response, ProtocolJson.Options);
    }

    private static async Task<IResult> Reconnect(
        string conversationId,
        string? watermark,
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var (conversation, failure, caller) = await ResolveAsync(conversationId, request, auth, conversations, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (!conversation!.Started)
        {
            // A page that kept a generated token and its conversation id resumes straight away.
            (conversation, _) = await conversations.StartAsync(caller!, null, null, cancellationToken);
        }

        var mark = string.IsNullOrEmpty(watermark) ? null : ActivitySetJson.ParseWatermark(watermark).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Json(ConversationResponseFor(request, caller!, conversation, mark, tokens, options.Value), ProtocolJson.Options);
    }

    private static async Task<IResult> GetActivities(
        string conversationId,
        string? watermark,
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        CancellationToken cancellationToken)
    {
        var (_, failure, _) = await ResolveAsync(conversationId, request, auth, conversations, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var after = ActivitySetJson.ParseWatermark(watermark);
        var activities = await conversations.ReadAfterAsync(conversationId, after, PageSize, cancellationToken);
        var next = activities.Count > 0 ? activities[^1].Sequence : after;
        var json = ActivitySetJson.Build(activities.Select(a => a.Json), next.ToString(CultureInfo.InvariantCulture));
        return TypedResults.Text(json, "application/json; charset=utf-8");
    }

    private static async Task<IResult> PostActivity(
        string conversationId,
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        CancellationToken cancellationToken)
    {
        var (conversation, failure, caller) = await ResolveAsync(conversationId, request, auth, conversations, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var body = await RequestBody.ReadJsonAsync<Activity>(request, DirectLineOptions.MaxActivityBytes, ProtocolJson.Options, cancellationToken);
        if (Problem(body) is { } problem)
        {
            return problem;
        }

        if (Validate(body.Value, caller!) is { } invalid)
        {
            return invalid;
        }

        var id = await conversations.AcceptAsync(conversation!, body.Value!, caller!, cancellationToken);
        return TypedResults.Json(new ResourceResponse(id), ProtocolJson.Options);
    }

    /// <summary>Checks an activity posted by a client; null when it may be accepted.</summary>
    internal static IResult? Validate(Activity? activity, DirectLineCaller caller)
    {
        if (activity is null)
        {
            return DirectLineErrors.BadArgument("The body must be an activity.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return DirectLineErrors.BadArgument("The activity has no 'type'.");
        }

        if (caller.UserId is null && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return DirectLineErrors.BadArgument("The activity has no 'from.id'.");
        }

        return null;
    }

    /// <summary>Authenticates the caller for one conversation: 401/403 for credentials, 404 for an unknown id.</summary>
    internal static async Task<(DirectLineConversation? Conversation, IResult? Failure, DirectLineCaller? Caller)> ResolveAsync(
        string conversationId,
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        CancellationToken cancellationToken)
    {
        var outcome = auth.Authenticate(request);
        if (outcome.Caller is not { } caller)
        {
            return (null, outcome.Failure, null);
        }

        if (!caller.MayAccess(conversationId))
        {
            return (null, DirectLineErrors.WrongConversation(), caller);
        }

        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        return conversation is null
            ? (null, DirectLineErrors.UnknownConversation(), caller)
            : (conversation, null, caller);
    }

    internal static IResult? Problem<T>(BodyResult<T> body) => body.Problem switch
    {
        BodyProblem.TooLarge => DirectLineErrors.TooLarge(body.Reason!),
        BodyProblem.Malformed => DirectLineErrors.BadArgument(body.Reason!),
        _ => null,
    };

    private static ConversationResponse ConversationResponseFor(
        HttpRequest request,
        DirectLineCaller caller,
        DirectLineConversation conversation,
        string? watermark,
        DirectLineTokens tokens,
        DirectLineOptions options)
    {
        // Token holders get a fresh token (DirectLineJS replaces its own with it); secret holders get a
        // conversation token, which DirectLineJS ignores but other clients may use.
        var lifetime = TimeSpan.FromSeconds(options.TokenLifetimeSeconds);
        var token = tokens.Issue(DirectLineTokens.ConversationKind, conversation.Id, caller.UserId ?? conversation.UserId, lifetime);
        var streamToken = tokens.Issue(DirectLineTokens.StreamKind, conversation.Id, null, TimeSpan.FromSeconds(options.StreamTokenLifetimeSeconds));
        var streamUrl = PublicUrls.WebSocketBase(request, options)
            + $"/v3/directline/conversations/{conversation.Id}/stream?"
            + (watermark is null ? string.Empty : $"watermark={watermark}&")
            + "t=" + Uri.EscapeDataString(streamToken);
        return new ConversationResponse(conversation.Id, token, options.TokenLifetimeSeconds, streamUrl);
    }
}
