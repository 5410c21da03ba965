using System.Text.Json;
using System.Text.Json.Serialization;

namespace IqTriageBot.Host.Protocol;

/// <summary>
/// A Bot Framework v3 activity: the subset this bot reads and writes as properties; every other
/// field lands in <see cref="Extra"/> and is written back unchanged, so nothing a client sent is lost.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Kept as text: the offset the client sent is part of its meaning.</summary>
    public string? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? ReplyToId { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? InputHint { get; set; }

    public string? Speak { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public string? Name { get; set; }

    public JsonElement? Value { get; set; }

    public List<JsonElement>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    public string? DeliveryMode { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public string? Code { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The string at channelData.clientActivityID, which Web Chat matches its echo on.</summary>
    [JsonIgnore]
    public string? ClientActivityId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? AadObjectId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsGroup { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }

    public List<CardAction> Actions { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class CardAction
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    public JsonElement? Value { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    public string? Image { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Well-known values of the activity fields this bot branches on.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
}
