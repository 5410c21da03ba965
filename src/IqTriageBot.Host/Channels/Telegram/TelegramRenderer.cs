using System.Text.Json.Nodes;
using IqTriageBot.Dialogs;
using IqTriageBot.Host.Channels.Messengers;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Channels.Telegram;

/// <summary>
/// Engine replies as sendMessage calls: plain text (no parse mode, so nothing needs escaping), split at 4096
/// characters, and the choices as an inline keyboard on the last part. callback_data is a short token (at most
/// 64 bytes are allowed) whose label is kept in the store; pressing the button answers with that label, just as
/// pressing a suggested action does on the web.
/// </summary>
public sealed class TelegramRenderer(IMessengerStore store, TimeProvider time)
{
    public const int MaxText = 4096;

    public async Task<IReadOnlyList<(string Method, string Payload)>> RenderAsync(string chatId, IEnumerable<Reply> replies, CancellationToken cancellationToken)
    {
        var calls = new List<(string, string)>();
        foreach (var reply in replies)
        {
            var parts = MessengerText.Split(reply.Text, MaxText);
            for (var i = 0; i < parts.Count; i++)
            {
                var message = new JsonObject { ["chat_id"] = ChatIdNode(chatId), ["text"] = parts[i] };
                if (i == parts.Count - 1 && reply.Choices.Count > 0)
                {
                    var rows = new JsonArray();
                    foreach (var choice in reply.Choices)
                    {
                        var token = MessengerText.Token(choice.Label);
                        await store.SaveButtonAsync(MessengerChannels.Telegram, chatId, token, choice.Label, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                        rows.Add(new JsonArray(new JsonObject { ["text"] = choice.Label, ["callback_data"] = token }));
                    }

                    message["reply_markup"] = new JsonObject { ["inline_keyboard"] = rows };
                }

                calls.Add(("sendMessage", message.ToJsonString()));
            }
        }

        return calls;
    }

    /// <summary>Chat ids are numbers of up to 52 bits; sent as a JSON number.</summary>
    public static JsonNode ChatIdNode(string chatId) =>
        long.TryParse(chatId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id) ? JsonValue.Create(id) : JsonValue.Create(chatId);
}
