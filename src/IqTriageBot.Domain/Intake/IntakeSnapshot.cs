using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Domain.Intake;

/// <summary>
/// What an advisor receives with a booking: every answer as given (originals kept), the conversation's
/// language, the consent given, and what the triage recommended. Stored with the booking; the German
/// summary for the advisor is rendered from it.
/// </summary>
public sealed record IntakeSnapshot
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required TriageAnswers Answers { get; init; }

    /// <summary>The catalog language the person used.</summary>
    public required string Language { get; init; }

    public string? ConsentVersion { get; init; }

    public DateTimeOffset? ConsentAt { get; init; }

    public required IReadOnlyList<Recommendation> Recommendations { get; init; }

    public IReadOnlyList<Note> Notes { get; init; } = [];

    /// <summary>German translations of free-text answers (field name -> text), where a translator was available.</summary>
    public IReadOnlyDictionary<string, string> GermanTranslations { get; init; } = new Dictionary<string, string>();

    /// <summary>The language each translated free-text answer was translated from (field name -> language code).</summary>
    public IReadOnlyDictionary<string, string> TranslatedFrom { get; init; } = new Dictionary<string, string>();
}
