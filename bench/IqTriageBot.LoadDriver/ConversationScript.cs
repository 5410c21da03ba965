namespace IqTriageBot.LoadDriver;

/// <summary>One turn of the scripted conversation and what a correct answer to it looks like.</summary>
/// <param name="Name">Short label used in error reasons.</param>
/// <param name="Text">The message text; null for the conversationUpdate that starts the conversation.</param>
/// <param name="Replies">Exact number of reply activities expected.</param>
/// <param name="Locale">Locale every reply must carry; null when it depends on --locale.</param>
/// <param name="Choices">Whether the last reply must offer suggested actions.</param>
/// <param name="Mentions">Text the first reply must contain: the language name in the confirmation.</param>
internal sealed record ScriptStep(string Name, string? Text, int Replies, string? Locale, bool Choices = false, string? Mentions = null)
{
    public bool IsStart => Text is null;
}

/// <summary>
/// The conversation every virtual user repeats: the whole triage of a nurse from Syria living in Leipzig with
/// a deficit notice, from the greeting to the recommendation, answered as a person would type or press.
/// </summary>
internal static class ConversationScript
{
    // A channel that shows buttons, so replies carry suggested actions as Web Chat gets them.
    public const string ChannelId = "test";
    public const string BotId = "iqtriagebot";

    public static IReadOnlyList<ScriptStep> Steps { get; } =
    [
        new("start", null, 2, null, Choices: true),
        new("choose English", "English", 3, "en-US", Choices: true, Mentions: "English"),
        new("consent", "yes", 1, "en-US", Choices: true),
        new("lives in Germany", "1", 1, "en-US"),
        new("postcode", "04109", 2, "en-US", Choices: true),
        new("concern", "Training after a notice", 1, "en-US", Choices: true),
        new("concern done", "done", 1, "en-US", Choices: true),
        new("level", "Vocational training", 1, "en-US"),
        new("occupation", "nurse", 1, "en-US"),
        new("country", "Syria", 2, "en-US", Choices: true),
        new("experience", "abroad", 1, "en-US", Choices: true),
        new("recognition status", "Partial, measure needed", 1, "en-US", Choices: true),
        new("residence group", "Refugee or protection", 1, "en-US", Choices: true),
        new("residence status", "Refugee, protection", 1, "en-US", Choices: true),
        new("benefits", "Jobcenter (Bürgergeld)", 1, "en-US", Choices: true),
        new("German level", "B1", 1, "en-US", Choices: true),
        new("counselling language", "Deutsch", 1, "en-US", Choices: true),
        new("mode", "By phone", 1, "en-US", Choices: true),
        new("contact", "By e-mail", 1, "en-US"),
        new("e-mail", "anna@example.org", 1, "en-US", Choices: true),
        new("summary confirmed", "Yes, all correct", 4, "en-US", Choices: true),
    ];
}
