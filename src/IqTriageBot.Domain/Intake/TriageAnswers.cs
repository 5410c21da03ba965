namespace IqTriageBot.Domain.Intake;

/// <summary>Where the person lives in Germany: at least the Land; the postcode or town they gave.</summary>
public sealed record PlaceAnswer(string Land, string? Postcode, string? Town)
{
    /// <summary>The postcode that decides the responsible centre: the one given, else one of the town's.</summary>
    public string? RoutingPostcode { get; init; } = Postcode;
}

/// <summary>The occupation as the person wrote it and what the classifier made of it.</summary>
public sealed record OccupationAnswer(string Text, string Language, OccupationMatch Match, string? OccupationId, double Confidence);

/// <summary>
/// Everything the triage asks, typed. Null means "not answered"; <see cref="Skipped"/> names fields the person
/// chose to skip. Filled by the dialog engine, read by routing and the intake summary.
/// </summary>
public sealed class TriageAnswers
{
    public bool? Consent { get; set; }

    public LivesIn? LivesIn { get; set; }

    public PlaceAnswer? Place { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? CountryOfResidence { get; set; }

    public IReadOnlyList<Concern>? Concerns { get; set; }

    public QualificationLevel? Level { get; set; }

    public OccupationAnswer? Occupation { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? QualificationCountry { get; set; }

    public WorkExperience? Experience { get; set; }

    public RecognitionStatus? RecognitionStatus { get; set; }

    public IReadOnlyList<WorkTopic>? WorkTopics { get; set; }

    public IReadOnlyList<ExploitationSign>? RedFlags { get; set; }

    /// <summary>The person's own description of the problem at work, as written.</summary>
    public string? WorkDetails { get; set; }

    public ResidenceGroup? ResidenceGroup { get; set; }

    public ResidenceStatus? ResidenceStatus { get; set; }

    public Nationality? Nationality { get; set; }

    public AgeGroup? AgeGroup { get; set; }

    public Benefits? Benefits { get; set; }

    public GermanLevel? GermanLevel { get; set; }

    /// <summary>ISO 639-1 code (or another language tag) of the preferred counselling language.</summary>
    public string? CounsellingLanguage { get; set; }

    public CounsellingMode? Mode { get; set; }

    public ContactPreference? Contact { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public HashSet<string> Skipped { get; init; } = new(StringComparer.Ordinal);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasRedFlags => RedFlags?.Any(flag => flag != ExploitationSign.None) == true;

    public bool Has(Concern concern) => Concerns?.Contains(concern) == true;
}
