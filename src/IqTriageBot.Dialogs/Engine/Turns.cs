namespace IqTriageBot.Dialogs;

/// <summary>What happened on the channel, reduced to what the engine needs.</summary>
/// <param name="Kind">A new conversation, or a message from the person.</param>
/// <param name="Text">What the person wrote or the button value they pressed.</param>
/// <param name="ChannelLocale">The locale the channel reported (Web Chat locale, Telegram language_code); a hint only.</param>
/// <param name="Now">When the turn happened (for the consent record).</param>
public sealed record UserTurn(TurnKind Kind, string? Text, string? ChannelLocale, DateTimeOffset Now = default);

public enum TurnKind
{
    ConversationStarted,
    Message,
}

/// <summary>An answer option: a stable id and the label shown in the reply's language.</summary>
public sealed record Choice(string Id, string Label);

/// <summary>
/// A channel-agnostic reply: the catalog keys it was made from (the first names it), the formatted text, its
/// language and the options offered.
/// </summary>
public sealed record Reply(IReadOnlyList<string> Keys, string Text, LanguageInfo Language, IReadOnlyList<Choice> Choices)
{
    public Reply(string key, string text, LanguageInfo language, IReadOnlyList<Choice> choices)
        : this([key], text, language, choices)
    {
    }

    public string Key => Keys[0];

    /// <summary>How to ask for a choice by number, in the reply's language (for channels without buttons).</summary>
    public string? NumberHint { get; init; }

    /// <summary>The text with the choices as a numbered list, for channels that cannot show buttons.</summary>
    public string PlainText => Choices.Count == 0
        ? Text
        : string.Join('\n', Choices.Select((c, i) => $"{i + 1}. {c.Label}").Prepend(string.Empty).Prepend(Text).Append(string.Empty).Append(NumberHint ?? string.Empty)).TrimEnd();
}

/// <summary>Something the host must do beyond sending replies.</summary>
public enum TurnEffect
{
    /// <summary>Delete everything stored for this person: state, stored messages, intakes, bookings.</summary>
    DeleteUserData,
}

/// <param name="Request">Something only the booking desk can answer; the caller answers it with <see cref="DialogEngine.Continue"/>.</param>
public sealed record TurnResult(DialogState State, IReadOnlyList<Reply> Replies, IReadOnlyList<TurnEffect> Effects, DeskRequest? Request = null)
{
    public TurnResult(DialogState state, IReadOnlyList<Reply> replies)
        : this(state, replies, [])
    {
    }
}

/// <summary>Settings of the engine that come from configuration.</summary>
public sealed record DialogOptions
{
    /// <summary>Days after which intake data is deleted; named in the consent text.</summary>
    public int RetentionDays { get; init; } = 90;

    /// <summary>Misunderstood answers in a row before skipping or a person is offered.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Longest free-text answer taken.</summary>
    public int MaxTextLength { get; init; } = 1000;
}
