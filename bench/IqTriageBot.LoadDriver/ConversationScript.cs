namespace IqTriageBot.LoadDriver;

/// <summary>One turn of the scripted conversation and what a correct answer to it looks like.</summary>
/// <param name="Name">Short label used in error reasons.</param>
/// <param name="Text">The message text; null for the conversationUpdate that starts the conversation.</param>
/// <param name="Replies">Exact number of reply activities expected.</param>
/// <param name="Locale">Locale every reply must carry; null when it depends on --locale.</param>
/// <param name="Choices">Whether the last reply must offer suggested actions (the language question).</param>
/// <param name="Mentions">Text the reply must contain: the language name in the confirmation.</param>
internal sealed record ScriptStep(string Name, string? Text, int Replies, string? Locale, bool Choices = false, string? Mentions = null)
{
    public bool IsStart => Text is null;
}

/// <summary>
/// The conversation every virtual user repeats: start, pick English, chat, reopen the language question,
/// switch to German, chat once more. Free texts avoid language names, language commands and small numbers,
/// which the bot would take as a language choice.
/// </summary>
internal static class ConversationScript
{
    public const string ChannelId = "loadtest";
    public const string BotId = "iqtriagebot";

    public static IReadOnlyList<ScriptStep> Steps { get; } =
    [
        new("start", null, 2, null, Choices: true),
        new("choose English", "English", 1, "en-US", Mentions: "English"),
        new("free text 1", "Hello, I trained as a nurse abroad and would like to work here.", 1, "en-US"),
        new("free text 2", "How long does the recognition of my diploma usually take?", 1, "en-US"),
        new("free text 3", "Thank you, that helps.", 1, "en-US"),
        new("reopen language", "language", 1, "en-US", Choices: true),
        new("choose Deutsch", "Deutsch", 1, "de-DE", Mentions: "Deutsch"),
        new("free text de", "Ich habe noch eine Frage zu meinem Abschluss.", 1, "de-DE"),
    ];
}
