namespace IqTriageBot.Dialogs;

/// <summary>Where a conversation stands. Serialised as JSON into the state store between turns.</summary>
public sealed class DialogState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>The node awaiting an answer; null before the greeting.</summary>
    public string? Node { get; set; }

    /// <summary>The language the person chose; null until they choose.</summary>
    public string? Language { get; set; }
}

/// <summary>What happened on the channel, reduced to what the engine needs.</summary>
/// <param name="Kind">A new conversation, or a message from the person.</param>
/// <param name="Text">What the person wrote or the button value they pressed.</param>
/// <param name="ChannelLocale">The locale the channel reported (Web Chat locale, Telegram language_code); a hint only.</param>
public sealed record UserTurn(TurnKind Kind, string? Text, string? ChannelLocale);

public enum TurnKind
{
    ConversationStarted,
    Message,
}

/// <summary>An answer option: a stable id and the label shown in the reply's language.</summary>
public sealed record Choice(string Id, string Label);

/// <summary>A channel-agnostic reply: catalog key, the formatted text, its language and the options offered.</summary>
public sealed record Reply(string Key, string Text, LanguageInfo Language, IReadOnlyList<Choice> Choices);

public sealed record TurnResult(DialogState State, IReadOnlyList<Reply> Replies);
