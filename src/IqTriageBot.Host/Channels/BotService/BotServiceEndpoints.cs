using System.Net;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Host.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.BotService;

/// <summary>
/// POST /api/messages, the Bot Connector endpoint (Azure Bot Service, Bot Framework Emulator, test
/// harnesses). With deliveryMode "expectReplies" the replies come back in the 200 body; otherwise they
/// are posted to the activity's serviceUrl after the response.
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
        ConnectorReplies connector,
        IOptions<BotServiceOptions> options,
        ILogger<ConnectorReplies> logger)
    {
        if (!IsAllowedAnonymous(context, options.Value))
        {
            BotServiceLog.Rejected(logger);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Channel authentication is required for this caller.");
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

        var replies = await bot.RunAsync(activity, context.RequestAborted);
        if (activity.DeliveryMode == "expectReplies")
        {
            return TypedResults.Ok(new ExpectedReplies(replies));
        }

        if (replies.Count > 0 && !string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            // Sent after the 200, as the Connector expects a quick acknowledgement.
            context.Response.OnCompleted(() => connector.SendAsync(activity.ServiceUrl, replies, CancellationToken.None));
        }

        return TypedResults.Ok();
    }

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
