namespace IqTriageBot.Domain.Occupations;

/// <summary>How access to an occupation is regulated in Germany.</summary>
public enum Regulation
{
    /// <summary>Practising it (or holding its title) requires recognition or a licence to practise.</summary>
    Regulated,
    NotRegulated,

    /// <summary>Only the title is protected (e.g. Ingenieur).</summary>
    TitleProtected,

    /// <summary>Annex A crafts: employees are free; an own business needs the master or equivalent.</summary>
    SelfEmploymentOnly,

    /// <summary>Needs a licence or permit (driving licence and code 95, pilot licence), not an equivalence procedure.</summary>
    Licence,
    DependsOnLand,
}

public enum LawLevel { Federal, Land, None }

/// <summary>A type of competent body, from dialogs/data/authorities.yaml.</summary>
public sealed record AuthorityType(string Id, string NameDe, string NameEn, bool PerLand);

/// <summary>A German reference occupation with what decides recognition and the names people write for it.</summary>
public sealed record Occupation
{
    public required string Id { get; init; }

    public required string TitleDe { get; init; }

    public required string TitleDeMale { get; init; }

    public required string TitleDeFemale { get; init; }

    public required string TitleEn { get; init; }

    public required string Sector { get; init; }

    public required Regulation Regulation { get; init; }

    public required string ReasonDe { get; init; }

    public required string ReasonEn { get; init; }

    public required LawLevel Law { get; init; }

    public required AuthorityType Authority { get; init; }

    /// <summary>Automatic recognition under Directive 2005/36/EC Annex V for EU/EEA/Swiss qualifications.</summary>
    public required bool EuAutomatic { get; init; }

    public required string Kldb { get; init; }

    public required string Isco { get; init; }

    public required string Source { get; init; }

    /// <summary>Names per language code, as people write them.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Names { get; init; }

    /// <summary>University-level qualifications of non-regulated fields have no recognition procedure (ZAB compares them).</summary>
    public bool IsAcademicWithoutProcedure => Law == LawLevel.None;
}
