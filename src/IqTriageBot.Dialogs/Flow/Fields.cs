using IqTriageBot.Domain;
using IqTriageBot.Domain.Intake;

namespace IqTriageBot.Dialogs.Flow;

/// <summary>
/// A field of <see cref="TriageAnswers"/> that flow.yaml may ask for: the kind of question that fills it, the
/// codes a choice may take, and how to read (as codes, for conditions) and write it.
/// </summary>
public sealed class FieldSpec
{
    private readonly Func<TriageAnswers, IReadOnlyList<string>?> _read;
    private readonly Action<TriageAnswers, object?> _write;

    private FieldSpec(string name, AskKind kind, IReadOnlyCollection<string>? codes, Func<TriageAnswers, IReadOnlyList<string>?> read, Action<TriageAnswers, object?> write)
    {
        Name = name;
        Kind = kind;
        Codes = codes;
        _read = read;
        _write = write;
    }

    public string Name { get; }

    public AskKind Kind { get; }

    /// <summary>The values a choice or multi field may take; null for other kinds.</summary>
    public IReadOnlyCollection<string>? Codes { get; }

    /// <summary>The answer as codes (a choice: one code; multi: the chosen codes; others: "set"), or null.</summary>
    public IReadOnlyList<string>? Read(TriageAnswers answers) => _read(answers);

    public bool IsAnswered(TriageAnswers answers) => Read(answers) is { Count: > 0 } || answers.Skipped.Contains(Name);

    /// <summary>Stores a value of the field's kind: a code, codes, a bool, a string or an answer record; null clears.</summary>
    public void Write(TriageAnswers answers, object? value)
    {
        _write(answers, value);
        answers.Skipped.Remove(Name);
    }

    public void Skip(TriageAnswers answers)
    {
        _write(answers, null);
        answers.Skipped.Add(Name);
    }

    internal static FieldSpec Choice<T>(string name, Func<TriageAnswers, T?> get, Action<TriageAnswers, T?> set)
        where T : struct, Enum =>
        new(name, AskKind.Choice, Domain.Codes.All<T>(),
            a => get(a) is { } value ? [Domain.Codes.Of(value)] : null,
            (a, v) => set(a, v is string code ? Domain.Codes.Parse<T>(code) : null));

    internal static FieldSpec Multi<T>(string name, Func<TriageAnswers, IReadOnlyList<T>?> get, Action<TriageAnswers, IReadOnlyList<T>?> set)
        where T : struct, Enum =>
        new(name, AskKind.Multi, Domain.Codes.All<T>(),
            a => get(a)?.Select(Domain.Codes.Of).ToList(),
            (a, v) => set(a, v is IEnumerable<string> codes ? codes.Select(Domain.Codes.Parse<T>).Distinct().ToList() : null));

    internal static FieldSpec YesNo(string name, Func<TriageAnswers, bool?> get, Action<TriageAnswers, bool?> set) =>
        new(name, AskKind.YesNo, null,
            a => get(a) is { } value ? [value ? "true" : "false"] : null,
            (a, v) => set(a, v as bool?));

    internal static FieldSpec Of<T>(string name, AskKind kind, Func<TriageAnswers, T?> get, Action<TriageAnswers, T?> set)
        where T : class =>
        new(name, kind, null,
            a => get(a) is null ? null : ["set"],
            (a, v) => set(a, v as T));
}

/// <summary>The fields flow.yaml can name, by name.</summary>
public static class Fields
{
    public static readonly IReadOnlyDictionary<string, FieldSpec> All = new[]
    {
        FieldSpec.YesNo("consent", a => a.Consent, (a, v) => a.Consent = v),
        FieldSpec.Choice<LivesIn>("livesIn", a => a.LivesIn, (a, v) => a.LivesIn = v),
        FieldSpec.Of<PlaceAnswer>("place", AskKind.Place, a => a.Place, (a, v) => a.Place = v),
        FieldSpec.Of<string>("countryOfResidence", AskKind.Country, a => a.CountryOfResidence, (a, v) => a.CountryOfResidence = v),
        FieldSpec.Multi<Concern>("concerns", a => a.Concerns, (a, v) => a.Concerns = v),
        FieldSpec.Choice<QualificationLevel>("level", a => a.Level, (a, v) => a.Level = v),
        FieldSpec.Of<OccupationAnswer>("occupation", AskKind.Occupation, a => a.Occupation, (a, v) => a.Occupation = v),
        FieldSpec.Of<string>("qualificationCountry", AskKind.Country, a => a.QualificationCountry, (a, v) => a.QualificationCountry = v),
        FieldSpec.Choice<WorkExperience>("experience", a => a.Experience, (a, v) => a.Experience = v),
        FieldSpec.Choice<RecognitionStatus>("recognitionStatus", a => a.RecognitionStatus, (a, v) => a.RecognitionStatus = v),
        FieldSpec.Multi<WorkTopic>("workTopics", a => a.WorkTopics, (a, v) => a.WorkTopics = v),
        FieldSpec.Multi<ExploitationSign>("redFlags", a => a.RedFlags, (a, v) => a.RedFlags = v),
        FieldSpec.Of<string>("workDetails", AskKind.Text, a => a.WorkDetails, (a, v) => a.WorkDetails = v),
        FieldSpec.Choice<ResidenceGroup>("residenceGroup", a => a.ResidenceGroup, (a, v) => a.ResidenceGroup = v),
        FieldSpec.Choice<ResidenceStatus>("residenceStatus", a => a.ResidenceStatus, (a, v) => a.ResidenceStatus = v),
        FieldSpec.Choice<Nationality>("nationality", a => a.Nationality, (a, v) => a.Nationality = v),
        FieldSpec.Choice<AgeGroup>("ageGroup", a => a.AgeGroup, (a, v) => a.AgeGroup = v),
        FieldSpec.Choice<Benefits>("benefits", a => a.Benefits, (a, v) => a.Benefits = v),
        FieldSpec.Choice<GermanLevel>("germanLevel", a => a.GermanLevel, (a, v) => a.GermanLevel = v),
        FieldSpec.Of<string>("counsellingLanguage", AskKind.Language, a => a.CounsellingLanguage, (a, v) => a.CounsellingLanguage = v),
        FieldSpec.Choice<CounsellingMode>("mode", a => a.Mode, (a, v) => a.Mode = v),
        FieldSpec.Choice<ContactPreference>("contact", a => a.Contact, (a, v) => a.Contact = v),
        FieldSpec.Of<string>("email", AskKind.Email, a => a.Email, (a, v) => a.Email = v),
        FieldSpec.Of<string>("phone", AskKind.Phone, a => a.Phone, (a, v) => a.Phone = v),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
