using System.Text.Json;

namespace IqTriageBot.Dialogs;

/// <summary>The stored form of <see cref="DialogState"/>: the same JSON conventions as <see cref="IntakeJson"/>.</summary>
public static class DialogStateJson
{
    private static JsonSerializerOptions Options => IntakeJson.Options;

    public static string Serialize(DialogState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>
    /// The state, or a fresh one when the document is from an older version (only its language is kept) or
    /// cannot be read at all, so a stored document never blocks a conversation.
    /// </summary>
    public static DialogState Deserialize(string json)
    {
        try
        {
            var state = JsonSerializer.Deserialize<DialogState>(json, Options) ?? new DialogState();
            return state.Version == DialogState.CurrentVersion
                ? state
                : new DialogState { Language = state.Language, LanguageChosen = state.LanguageChosen };
        }
        catch (JsonException)
        {
            return new DialogState();
        }
    }
}
