using System.Net;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Host.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>
/// POST /api/messages, the Bot Connector endpoint (Azure Bot Service, Bot Framework Emulator, test
/// harnesses). With an app id configured every call needs a valid channel or Emulator token (401
/// otherwise, nothing processed). With deliveryMode "expectReplies" the replies come back in the 200 body;
/// otherwise they are posted to the activity's serviceUrl after the response.
/// </summary>
public static class BotServiceEndpoints
{
    public static IEndpointRouteBuilder MapBotService(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/messages", Receive);
        return routes;
    }

    private static async Task<Results<Ok<ExpectedReplies>, Ok, ProblemHttpResult>> Receive(
        HttpContext context,
        TurnRunner bot,
        ChannelAuthenticator authenticator,
        ConnectorOutbox outbox,
        ConnectorAddressBook addresses,
        IOptions<BotServiceOptions> options,
        TimeProvider time,
        ILogger<ConnectorReplies> logger)
    {
        // Nothing of the activity is processed, or stored, before its token has been checked.
        var anonymous = IsAllowedAnonymous(context, options.Value);
        var token = anonymous ? null : ChannelAuthenticator.BearerToken(context.Request.Headers.Authorization);
        if (!anonymous && (token is null || string.IsNullOrWhiteSpace(options.Value.MicrosoftAppId)))
        {
            BotServiceLog.Rejected(logger);
            return Unauthorized();
        }

        var body = await RequestBody.ReadJsonAsync<Activity>(context.Request, 256 * 1024, ProtocolJson.Options, context.RequestAborted);
        switch (body.Problem)
        {
            case BodyProblem.TooLarge:
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large", detail: body.Reason);
            case BodyProblem.Malformed:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed activity", detail: body.Reason);
        }

        var activity = body.Value;
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed activity", detail: "The body must be an activity with a 'type'.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed activity", detail: "The activity has no 'conversation.id'.");
        }

        if (token is not null)
        {
            var result = await authenticator.AuthenticateAsync(token, activity, context.RequestAborted);
            if (!result.Succeeded)
            {
                BotServiceLog.TokenRejected(logger, Shorten(activity.ChannelId), result.Failure ?? "-");
                return Unauthorized();
            }
        }

        await addresses.RememberAsync(activity, context.RequestAborted);
        var expectReplies = activity.DeliveryMode == "expectReplies";
        var serviceUrl = expectReplies ? null : activity.ServiceUrl;
        var replies = serviceUrl is { Length: > 0 } && activity.Type == ActivityTypes.Message
            ? await RunWithTypingAsync(bot, outbox, activity, serviceUrl, options.Value.TypingDelayMilliseconds, time, context.RequestAborted)
            : await bot.RunAsync(activity, context.RequestAborted);
        if (expectReplies)
        {
            return TypedResults.Ok(new ExpectedReplies(replies));
        }

        if (serviceUrl is { Length: > 0 })
        {
            // Sent after the 200 by the outbox, as the Connector expects a quick acknowledgement.
            foreach (var reply in replies)
            {
                outbox.Enqueue(serviceUrl, reply);
            }
        }

        return TypedResults.Ok();
    }

    /// <summary>Runs the turn; when it takes longer than the typing delay (0: always) the person first sees the bot typing.</summary>
    private static async Task<IReadOnlyList<Activity>> RunWithTypingAsync(
        TurnRunner bot, ConnectorOutbox outbox, Activity activity, string serviceUrl, int delayMilliseconds, TimeProvider time, CancellationToken cancellationToken)
    {
        var typing = new Activity
        {
            Type = ActivityTypes.Typing,
            ChannelId = activity.ChannelId,
            From = activity.Recipient,
            Recipient = activity.From,
            Conversation = activity.Conversation,
            ReplyToId = activity.Id,
        };
        if (delayMilliseconds == 0)
        {
            outbox.Enqueue(serviceUrl, typing);
            return await bot.RunAsync(activity, cancellationToken);
        }

        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var turn = bot.RunAsync(activity, cancellationToken);
        var delay = Task.Delay(TimeSpan.FromMilliseconds(delayMilliseconds), time, stopDelay.Token);
        if (await Task.WhenAny(turn, delay) == delay && delay.IsCompletedSuccessfully && !turn.IsCompleted)
        {
            outbox.Enqueue(serviceUrl, typing);
        }

        await stopDelay.CancelAsync();
        return await turn;
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Channel authentication is required for this caller.");

    private static string Shorten(string? channelId) =>
        channelId is null ? "-" : channelId.Length > 32 ? channelId[..32] : channelId;

    /// <summary>
    /// Without channel authentication only a caller on this machine may talk to the bot, and only while no
    /// app id is configured (the Emulator without credentials, the load driver, local tests).
    /// </summary>
    public static bool IsAllowedAnonymous(HttpContext context, BotServiceOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppId))
        {
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return IPAddress.IsLoopback(remote);
    }
}
