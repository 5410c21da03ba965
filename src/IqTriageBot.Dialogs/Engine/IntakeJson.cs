using System.Text.Json;
using System.Text.Json.Serialization;
using IqTriageBot.Domain.Intake;

namespace IqTriageBot.Dialogs;

/// <summary>
/// The stored and exported form of an intake: camelCase JSON, enum values as their kebab-case codes (the
/// codes of dialogs/flow.yaml). This is also the documented JSON export for advisors' systems.
/// </summary>
public static class IntakeJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IntakeSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static IntakeSnapshot? Deserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<IntakeSnapshot>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
