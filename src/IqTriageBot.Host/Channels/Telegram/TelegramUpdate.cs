using System.Globalization;
using System.Text.Json;

namespace IqTriageBot.Host.Channels.Telegram;

/// <summary>The parts of a Bot API Update the bot uses: a message's text, or a callback query's data.</summary>
public sealed record TelegramUpdate(long UpdateId, string? ChatId, string? UserId, string? LanguageCode, string? Text, string? CallbackQueryId, string? CallbackData)
{
    /// <summary>Null when the JSON is not an object with a numeric update_id; throws JsonException when it is not JSON.</summary>
    public static TelegramUpdate? Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("update_id", out var updateId) || updateId.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var id = updateId.GetInt64();
        if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            return new TelegramUpdate(id, Id(message, "chat"), Id(message, "from"), Language(message), Str(message, "text"), null, null);
        }

        if (root.TryGetProperty("callback_query", out var query) && query.ValueKind == JsonValueKind.Object)
        {
            var chat = query.TryGetProperty("message", out var carrier) && carrier.ValueKind == JsonValueKind.Object ? Id(carrier, "chat") : null;
            return new TelegramUpdate(id, chat ?? Id(query, "from"), Id(query, "from"), Language(query), null, Str(query, "id") ?? string.Empty, Str(query, "data"));
        }

        // Edited messages, channel posts, member updates: acknowledged, nothing to answer.
        return new TelegramUpdate(id, null, null, null, null, null, null);
    }

    private static string? Id(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var account) && account.ValueKind == JsonValueKind.Object
        && account.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
            ? id.GetInt64().ToString(CultureInfo.InvariantCulture)
            : null;

    private static string? Language(JsonElement parent) =>
        parent.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object ? Str(from, "language_code") : null;

    private static string? Str(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
