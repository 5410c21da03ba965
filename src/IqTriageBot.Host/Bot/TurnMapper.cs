using System.Text.Json;
using IqTriageBot.Dialogs;
using IqTriageBot.Host.Protocol;

namespace IqTriageBot.Host.Bot;

/// <summary>Translates between channel activities and the engine's channel-agnostic turns and replies.</summary>
public static class TurnMapper
{
    /// <summary>The engine turn for an incoming activity, or null when the activity needs no answer.</summary>
    public static UserTurn? ToTurn(Activity activity)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return new UserTurn(TurnKind.Message, TextOf(activity), activity.Locale);

            case ActivityTypes.ConversationUpdate
                when activity.MembersAdded?.Any(m => m.Id is not null && m.Id != activity.Recipient?.Id) == true:
                return new UserTurn(TurnKind.ConversationStarted, null, activity.Locale);

            // Web Chat pages conventionally announce themselves with this event.
            case ActivityTypes.Event when activity.Name == "webchat/join":
                return new UserTurn(TurnKind.ConversationStarted, null, activity.Locale);

            default:
                return null;
        }
    }

    /// <summary>
    /// A reply as a message activity addressed back along the incoming activity's route. Options become
    /// imBack suggested actions whose value is the label itself, so what Web Chat shows as the person's
    /// answer is their own language, and typing the label works the same as pressing it.
    /// </summary>
    public static Activity ToActivity(Reply reply, Activity incoming)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = incoming.ChannelId,
            From = incoming.Recipient,
            Recipient = incoming.From,
            Conversation = incoming.Conversation,
            ReplyToId = incoming.Type == ActivityTypes.Message ? incoming.Id : null,
            Locale = reply.Language.Locale,
            Text = reply.Text,
            TextFormat = "plain",
            InputHint = reply.Choices.Count > 0 ? "expectingInput" : "acceptingInput",
        };

        if (reply.Choices.Count > 0)
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
