using System.Text.Json.Nodes;
using IqTriageBot.Dialogs;
using IqTriageBot.Host.Channels.Messengers;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Channels.WhatsApp;

/// <summary>
/// Engine replies as Cloud API messages, within WhatsApp's limits: up to three choices with short labels become
/// reply buttons (titles of at most 20 characters), up to ten a list (row titles of at most 24, the full label
/// as description when it is longer), more than ten a numbered text the person answers with the number.
/// Texts longer than a message body allows go first as text messages. Button and row ids are short tokens
/// whose labels are kept in the store.
/// </summary>
public sealed class WhatsAppRenderer(IMessengerStore store, LiveContent live, TimeProvider time)
{
    public const int MaxText = 4096;
    public const int MaxBody = 1024;
    public const int MaxButtons = 3;
    public const int MaxButtonTitle = 20;
    public const int MaxRows = 10;
    public const int MaxRowTitle = 24;
    public const int MaxRowDescription = 72;
    public const string ListButtonKey = "render.list_button";

    /// <summary>The calls for the replies; the method of each is the phone number id to send from.</summary>
    public async Task<IReadOnlyList<(string Method, string Payload)>> RenderAsync(string conversationId, string recipient, string phoneId, IEnumerable<Reply> replies, CancellationToken cancellationToken)
    {
        var calls = new List<(string, string)>();
        foreach (var reply in replies)
        {
            var interactive = reply.Choices.Count switch
            {
                0 => null,
                <= MaxButtons when Fits(reply.Choices, MaxButtonTitle) => "button",
                <= MaxRows when Distinct(reply.Choices.Select(c => MessengerText.Trim(c.Label, MaxRowTitle))) => "list",
                _ => null,
            };

            if (interactive is null)
            {
                foreach (var part in MessengerText.Split(reply.Choices.Count == 0 ? reply.Text : reply.PlainText, MaxText))
                {
                    calls.Add((phoneId, Envelope(recipient, "text", new JsonObject { ["preview_url"] = false, ["body"] = part }).ToJsonString()));
                }

                continue;
            }

            var parts = MessengerText.Split(reply.Text, MaxBody);
            foreach (var part in parts.Take(parts.Count - 1))
            {
                calls.Add((phoneId, Envelope(recipient, "text", new JsonObject { ["preview_url"] = false, ["body"] = part }).ToJsonString()));
            }

            var body = new JsonObject { ["text"] = parts[^1] };
            JsonObject action;
            if (interactive == "button")
            {
                var buttons = new JsonArray();
                foreach (var choice in reply.Choices)
                {
                    buttons.Add(new JsonObject { ["type"] = "reply", ["reply"] = new JsonObject { ["id"] = await TokenAsync(conversationId, choice, cancellationToken).ConfigureAwait(false), ["title"] = choice.Label.Trim() } });
                }

                action = new JsonObject { ["buttons"] = buttons };
            }
            else
            {
                var rows = new JsonArray();
                foreach (var choice in reply.Choices)
                {
                    var row = new JsonObject { ["id"] = await TokenAsync(conversationId, choice, cancellationToken).ConfigureAwait(false), ["title"] = MessengerText.Trim(choice.Label, MaxRowTitle) };
                    if (choice.Label.Trim().Length > MaxRowTitle)
                    {
                        row["description"] = MessengerText.Trim(choice.Label, MaxRowDescription);
                    }

                    rows.Add(row);
                }

                action = new JsonObject
                {
                    ["button"] = MessengerText.Trim(ListButton(reply.Language.Code), MaxButtonTitle),
                    ["sections"] = new JsonArray(new JsonObject { ["rows"] = rows }),
                };
            }

            calls.Add((phoneId, Envelope(recipient, "interactive", new JsonObject { ["type"] = interactive, ["body"] = body, ["action"] = action }).ToJsonString()));
        }

        return calls;
    }

    /// <summary>
    /// A message to a wa_id (a phone number in international form, digits only) goes in "to"; a business-scoped
    /// user id (CC.digits), for people whose number WhatsApp withholds, in "recipient".
    /// </summary>
    private static JsonObject Envelope(string recipient, string type, JsonObject content)
    {
        var message = new JsonObject { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual" };
        message[recipient.All(char.IsAsciiDigit) ? "to" : "recipient"] = recipient;
        message["type"] = type;
        message[type] = content;
        return message;
    }

    private string ListButton(string language) =>
        live.Content.Catalogs.TryGetValue(language, out var catalog) && catalog.Texts.TryGetValue(ListButtonKey, out var text)
            ? text
            : "Choose";

    private async Task<string> TokenAsync(string conversationId, Choice choice, CancellationToken cancellationToken)
    {
        var token = MessengerText.Token(choice.Label);
        await store.SaveButtonAsync(MessengerChannels.WhatsApp, conversationId, token, choice.Label, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return token;
    }

    private static bool Fits(IReadOnlyList<Choice> choices, int max) =>
        choices.All(c => c.Label.Trim().Length is > 0 && c.Label.Trim().Length <= max) && Distinct(choices.Select(c => c.Label.Trim()));

    private static bool Distinct(IEnumerable<string> titles)
    {
        var list = titles.ToList();
        return list.Distinct(StringComparer.Ordinal).Count() == list.Count;
    }
}
