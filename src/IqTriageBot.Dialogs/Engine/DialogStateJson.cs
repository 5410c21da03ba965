using System.Text.Json;
using System.Text.Json.Serialization;

namespace IqTriageBot.Dialogs;

/// <summary>The stored form of <see cref="DialogState"/>: camelCase JSON, enum values as their kebab-case codes.</summary>
public static class DialogStateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

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
