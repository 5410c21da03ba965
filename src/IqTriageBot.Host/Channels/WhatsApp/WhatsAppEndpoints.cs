using System.Text.Json;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Channels.Messengers;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.WhatsApp;

/// <summary>
/// GET /whatsapp/webhook answers Meta's subscription handshake; POST /whatsapp/webhook takes notifications.
/// The signature over the raw body is checked before anything is parsed (401, nothing processed); a body that is
/// not a notification is 400 and nothing is stored; status callbacks are acknowledged and ignored; a message id
/// seen before is ignored. Replies go to the outbox, so the webhook answers 200 at once.
/// </summary>
public static class WhatsAppEndpoints
{
    public static IEndpointRouteBuilder MapWhatsApp(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/whatsapp/webhook", Verify);
        routes.MapPost("/whatsapp/webhook", Receive);
        return routes;
    }

    private static IResult Verify(HttpContext context, IOptions<WhatsAppOptions> options, ILogger<WhatsAppRenderer> logger)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Results.NotFound();
        }

        // The keys contain dots, so they are read from the query directly rather than bound.
        var query = context.Request.Query;
        if (query["hub.mode"] == "subscribe" && WebhookBody.SecretEquals(query["hub.verify_token"].ToString(), settings.VerifyToken)
            && query["hub.challenge"].ToString() is { Length: > 0 } challenge)
        {
            MessengerLog.Verification(logger, "accepted");
            return Results.Text(challenge, "text/plain");
        }

        MessengerLog.Verification(logger, "refused");
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> Receive(
        HttpContext context,
        IOptions<WhatsAppOptions> options,
        IMessengerStore store,
        MessengerTurns turns,
        WhatsAppRenderer renderer,
        MessengerOutbox outbox,
        TimeProvider time,
        KeyedLock locks,
        ILogger<WhatsAppRenderer> logger)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Results.NotFound();
        }

        var cancellationToken = context.RequestAborted;
        var body = await WebhookBody.ReadAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Notification too large");
        }

        if (!WhatsAppWebhook.SignatureValid(context.Request.Headers[WhatsAppWebhook.SignatureHeader].ToString(), body, settings.AppSecret))
        {
            MessengerLog.WebhookRejected(logger, MessengerChannels.WhatsApp, "signature missing or wrong");
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "X-Hub-Signature-256 is missing or does not match the body.");
        }

        IReadOnlyList<WhatsAppMessage>? messages;
        try
        {
            messages = WhatsAppWebhook.Parse(body);
        }
        catch (JsonException)
        {
            messages = null;
        }

        if (messages is null)
        {
            MessengerLog.WebhookRejected(logger, MessengerChannels.WhatsApp, "body is not a notification");
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed notification", detail: "The body must be a WhatsApp Business Account notification.");
        }

        foreach (var message in messages)
        {
            var conversationId = message.UserId ?? message.WaId;
            if (conversationId is null)
            {
                continue;
            }

            // Messages of one person may arrive in parallel notifications: one at a time, so replies keep their order.
            using var held = await locks.AcquireAsync("messenger/whatsapp/" + conversationId, cancellationToken);
            if (!await store.TryMarkSeenAsync(MessengerChannels.WhatsApp, message.Id, time.GetUtcNow(), cancellationToken))
            {
                MessengerLog.Duplicate(logger, MessengerChannels.WhatsApp);
                continue;
            }

            var text = message.Text;
            if (message.ButtonId is { } buttonId)
            {
                text = await store.FindButtonAsync(MessengerChannels.WhatsApp, conversationId, buttonId, cancellationToken) ?? message.ButtonTitle ?? string.Empty;
            }

            var recipient = message.WaId ?? conversationId;
            var phoneId = message.PhoneNumberId ?? settings.PhoneNumberId!;
            var replies = await turns.RunAsync(new MessengerInbound(MessengerChannels.WhatsApp, conversationId, recipient, phoneId, text ?? string.Empty, null), cancellationToken);
            await outbox.EnqueueAsync(MessengerChannels.WhatsApp, conversationId, await renderer.RenderAsync(conversationId, recipient, phoneId, replies, cancellationToken), cancellationToken);
        }

        return Results.Ok();
    }
}
