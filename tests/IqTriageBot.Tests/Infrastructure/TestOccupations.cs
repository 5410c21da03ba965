using IqTriageBot.Domain.Occupations;

namespace IqTriageBot.Tests.Infrastructure;

/// <summary>Occupations built in code, for domain tests that need one with particular properties.</summary>
public static class TestOccupations
{
    public static Occupation Make(string id, Regulation regulation, LawLevel law, bool euAutomatic, params (string Language, string Name)[] names) => new()
    {
        Id = id,
        TitleDe = id,
        TitleDeMale = id,
        TitleDeFemale = id,
        TitleEn = id,
        Sector = "other",
        Regulation = regulation,
        ReasonDe = "-",
        ReasonEn = "-",
        Law = law,
        Authority = new AuthorityType("land-authority", "Landesbehörde", "Land authority", PerLand: true),
        EuAutomatic = euAutomatic,
        Kldb = "00000",
        Isco = "0000",
        Source = "test",
        Names = names.GroupBy(n => n.Language).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(n => n.Name).ToList()),
    };
}
