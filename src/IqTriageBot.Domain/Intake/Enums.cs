using System.Text.Json.Serialization;

namespace IqTriageBot.Domain.Intake;

// The answer values of the triage. Their codes (Codes<T>) are what dialogs/flow.yaml lists as options and
// what stored state and exports contain, so renaming a member is a data migration.

public enum LivesIn { Germany, Abroad }

public enum Concern { Recognition, Qualification, Work, Settling, School, Unsure }

/// <summary>Highest completed qualification, in the categories of the IQ first-consultation record.</summary>
public enum QualificationLevel { None, Vocational, Bachelor, Master, Doctorate }

public enum WorkExperience { Abroad, Germany, Both, None }

public enum RecognitionStatus { NotApplied, Pending, Full, Partial, Rejected, Zab, Unknown }

public enum WorkTopic { Pay, Hours, Holidays, SickPay, Contract, Dismissal, Insurance, Accident, Housing, Agency, Other }

/// <summary>Signs of labour exploitation; any of them (but <see cref="None"/>) calls for urgent help.</summary>
public enum ExploitationSign { Passport, Unpaid, Debts, Threats, Confined, NoRest, HousingDeductions, Silenced, Sexual, None }

/// <summary>The first, coarse residence question; groups with a single status imply it.</summary>
public enum ResidenceGroup { German, Eu, WorkStudy, Protection, Asylum, Duldung, Family, Settled, Other }

/// <summary>Residence status as in the IQ documentation list, plus German citizens and "not said".</summary>
public enum ResidenceStatus
{
    German,
    EuCitizen,
    BlueCard,
    WorkPermit,
    JobSearch,
    QualificationMeasure,
    TrainingStudy,
    Family,
    Protection,
    Ukraine,
    Asylum,
    Duldung,
    Settlement,
    EuLongTerm,
    Provisional,
    Abroad,
    Visa,
    AfghanLocalStaff,
    Unknown,
    NotSaid,
}

public enum Nationality { German, Eu, Other, NotSaid }

public enum AgeGroup
{
    [JsonStringEnumMemberName("under-27")] Under27,
    [JsonStringEnumMemberName("over-27")] Over27,
    NotSaid,
}

public enum Benefits { Jobcenter, EmploymentAgency, AsylumBenefits, None, NotSaid }

public enum GermanLevel { None, A1, A2, B1, B2, C1, C2, Native }

public enum CounsellingMode { InPerson, Phone, Video, Any }

public enum ContactPreference { Email, Phone, Chat, Anonymous }

/// <summary>How the occupation answer was settled.</summary>
public enum OccupationMatch
{
    /// <summary>Not classified (no classifier, or nothing matched): the text is kept for the advisor.</summary>
    Unclassified,

    /// <summary>One candidate was clearly best.</summary>
    Confident,

    /// <summary>The person chose among close candidates.</summary>
    Chosen,

    /// <summary>The person said none of the candidates fits.</summary>
    NoneOfThese,
}
