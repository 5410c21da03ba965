using System.Text.Json;
using IqTriageBot.Dialogs;
using IqTriageBot.Host.Protocol;

namespace IqTriageBot.Host.Bot;

/// <summary>Translates between channel activities and the engine's channel-agnostic turns and replies.</summary>
public static class TurnMapper
{
    /// <summary>The engine turn for an incoming activity, or null when the activity needs no answer.</summary>
    public static UserTurn? ToTurn(Activity activity, DateTimeOffset now)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return new UserTurn(TurnKind.Message, TextOf(activity), activity.Locale, now);

            case ActivityTypes.ConversationUpdate
                when activity.MembersAdded?.Any(m => m.Id is not null && m.Id != activity.Recipient?.Id) == true:
                return new UserTurn(TurnKind.ConversationStarted, null, activity.Locale, now);

            // Web Chat pages conventionally announce themselves with this event.
            case ActivityTypes.Event when activity.Name == "webchat/join":
                return new UserTurn(TurnKind.ConversationStarted, null, activity.Locale, now);

            default:
                return null;
        }
    }

    /// <summary>Channels of the Bot Framework that show suggested actions; the others get a numbered list.</summary>
    private static readonly HashSet<string> ButtonChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "directline", "webchat", "emulator", "msteams", "facebook", "telegram", "line", "slack", "skype", "test",
    };

    /// <summary>
    /// A reply as a message activity addressed back along the incoming activity's route. Options become
    /// imBack suggested actions whose value is the label itself, so what Web Chat shows as the person's
    /// answer is their own language, and typing the label works the same as pressing it. Channels without
    /// buttons get the options as a numbered list in the text; the engine accepts the number.
    /// </summary>
    public static Activity ToActivity(Reply reply, Activity incoming)
    {
        var buttons = incoming.ChannelId is { } channel && ButtonChannels.Contains(channel);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = incoming.ChannelId,
            From = incoming.Recipient,
            Recipient = incoming.From,
            Conversation = incoming.Conversation,
            ReplyToId = incoming.Type == ActivityTypes.Message ? incoming.Id : null,
            Locale = reply.Language.Locale,
            Text = buttons ? reply.Text : reply.PlainText,
            TextFormat = "plain",
            InputHint = reply.Choices.Count > 0 ? "expectingInput" : "acceptingInput",
            // Which catalog texts the reply is made of and its writing direction: the chat page sets the
            // layout from it, and tests and transcript tools identify replies without reading the prose.
            ChannelData = JsonSerializer.SerializeToElement(
                new ReplyInfo(new ReplyMeta(reply.Keys, reply.Language.Code, reply.Language.Direction)),
                ProtocolJson.Options),
        };

        if (buttons && reply.Choices.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                To = incoming.From?.Id is { } user ? [user] : null,
                Actions = reply.Choices
                    .Select(c => new CardAction { Type = "imBack", Title = c.Label, Value = ProtocolJson.StringValue(c.Label) })
                    .ToList(),
            };
        }

        return activity;
    }

    private static string? TextOf(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity.Text;
        }

        // postBack / Adaptive Card submits may carry the answer only in value.
        return activity.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
    }
}

/// <summary>channelData.triage of a reply.</summary>
internal sealed record ReplyInfo(ReplyMeta Triage);

internal sealed record ReplyMeta(IReadOnlyList<string> Keys, string Language, string Dir);
