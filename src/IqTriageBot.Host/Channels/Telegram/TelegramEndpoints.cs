using System.Globalization;
using System.Text.Json;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Channels.Messengers;
using IqTriageBot.Storage;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Channels.Telegram;

/// <summary>
/// POST /telegram/webhook: one Bot API Update per request. The secret token header is checked first (401,
/// nothing read further); a body that is not an Update is 400 and nothing is stored; an update_id seen before
/// is acknowledged and ignored. Text messages and inline-button presses run a turn; the replies (and the
/// answerCallbackQuery every press needs) go to the outbox, so the webhook answers 200 at once even while the
/// Bot API is unreachable.
/// </summary>
public static class TelegramEndpoints
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/telegram/webhook", Receive);
        return routes;
    }

    private static async Task<IResult> Receive(
        HttpContext context,
        IOptions<TelegramOptions> options,
        IMessengerStore store,
        MessengerTurns turns,
        TelegramRenderer renderer,
        MessengerOutbox outbox,
        TimeProvider time,
        KeyedLock locks,
        ILogger<TelegramRenderer> logger)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Results.NotFound();
        }

        if (!WebhookBody.SecretEquals(context.Request.Headers[SecretHeader].ToString(), settings.SecretToken))
        {
            MessengerLog.WebhookRejected(logger, MessengerChannels.Telegram, "secret token missing or wrong");
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The secret token header is missing or wrong.");
        }

        var cancellationToken = context.RequestAborted;
        var body = await WebhookBody.ReadAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Update too large");
        }

        TelegramUpdate? update;
        try
        {
            update = TelegramUpdate.Parse(body);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            update = null;
        }

        if (update is null)
        {
            MessengerLog.WebhookRejected(logger, MessengerChannels.Telegram, "body is not an update");
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed update", detail: "The body must be a Telegram Update with an update_id.");
        }

        if (!await store.TryMarkSeenAsync(MessengerChannels.Telegram, update.UpdateId.ToString(CultureInfo.InvariantCulture), time.GetUtcNow(), cancellationToken))
        {
            MessengerLog.Duplicate(logger, MessengerChannels.Telegram);
            return Results.Ok();
        }

        if (update.ChatId is not { } chatId)
        {
            return Results.Ok();
        }

        // Updates of one chat may arrive at once (max_connections > 1): one at a time, so replies keep their order.
        using var held = await locks.AcquireAsync("messenger/telegram/" + chatId, cancellationToken);
        var calls = new List<(string Method, string Payload)>();
        string? text = update.Text;
        if (update.CallbackQueryId is { } callbackId)
        {
            calls.Add(("answerCallbackQuery", JsonSerializer.Serialize(new { callback_query_id = callbackId })));
            text = update.CallbackData is { } data ? await store.FindButtonAsync(MessengerChannels.Telegram, chatId, data, cancellationToken) : null;
        }

        if (text is not null || update.CallbackQueryId is null)
        {
            var isStart = text is not null && (text == "/start" || text.StartsWith("/start ", StringComparison.Ordinal));
            var inbound = new MessengerInbound(MessengerChannels.Telegram, chatId, update.UserId, null, isStart ? null : text ?? string.Empty, update.LanguageCode);
            var replies = await turns.RunAsync(inbound, cancellationToken);
            calls.AddRange(await renderer.RenderAsync(chatId, replies, cancellationToken));
        }

        await outbox.EnqueueAsync(MessengerChannels.Telegram, chatId, calls, cancellationToken);
        return Results.Ok();
    }
}
