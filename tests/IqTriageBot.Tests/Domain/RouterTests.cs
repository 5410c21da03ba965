using IqTriageBot.Domain;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Occupations;
using IqTriageBot.Domain.Routing;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Domain;

/// <summary>The routing table in routing-cases.tsv: every case's answers must give exactly its services, reasons and notes.</summary>
public sealed class RouterTests
{
    private static readonly string Table = Path.Combine(RepoPaths.Root, "tests", "IqTriageBot.Tests", "Domain", "routing-cases.tsv");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in Rows())
        {
            data.Add(line[0]);
        }

        return data;
    }

    [Fact]
    public void The_table_has_at_least_sixty_cases() => Assert.True(Rows().Count() >= 60);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_is_routed_as_the_table_says(string name)
    {
        var row = Rows().Single(r => r[0] == name);
        var answers = new TriageAnswers
        {
            LivesIn = Parse<LivesIn>(row[1]),
            Concerns = List<Concern>(row[2]),
            Level = Parse<QualificationLevel>(row[3]),
            RecognitionStatus = Parse<RecognitionStatus>(row[4]),
            ResidenceGroup = Parse<ResidenceGroup>(row[5]),
            ResidenceStatus = Parse<ResidenceStatus>(row[6]),
            Nationality = Parse<Nationality>(row[7]),
            AgeGroup = Parse<AgeGroup>(row[8]),
            RedFlags = List<ExploitationSign>(row[9]),
        };

        var result = Router.Route(answers, OccupationOf(row[10]), row[11] == "yes");

        var expected = row[12].Split(" + ");
        var services = string.Join("; ", result.Recommendations.Select(r => $"{Codes.Of(r.Service)}:{Codes.Of(r.Reason)}"));
        Assert.Equal(expected[0], services);
        Assert.Equal(expected.Skip(1).Order(), result.Notes.Select(Codes.Of).Order());
    }

    [Fact]
    public void Every_service_and_reason_occurs_in_the_table()
    {
        var text = File.ReadAllText(Table);
        Assert.All(Enum.GetValues<Service>(), s => Assert.Contains(Codes.Of(s) + ":", text, StringComparison.Ordinal));
        Assert.All(Enum.GetValues<Reason>(), r => Assert.Contains(":" + Codes.Of(r), text, StringComparison.Ordinal));
    }

    private static IEnumerable<string[]> Rows() =>
        File.ReadLines(Table).Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("case\t", StringComparison.Ordinal)).Select(l => l.Split('\t'));

    private static T? Parse<T>(string code)
        where T : struct, Enum => code == "-" ? null : Codes.Parse<T>(code);

    private static List<T>? List<T>(string codes)
        where T : struct, Enum => codes == "-" ? null : codes.Split(',').Select(Codes.Parse<T>).ToList();

    private static Occupation? OccupationOf(string kind) => kind switch
    {
        "-" => null,
        "academic" => TestOccupations.Make("economist", Regulation.NotRegulated, LawLevel.None, euAutomatic: false),
        "sectoral" => TestOccupations.Make("doctor", Regulation.Regulated, LawLevel.Federal, euAutomatic: true),
        "regulated" => TestOccupations.Make("nurse-old", Regulation.Regulated, LawLevel.Federal, euAutomatic: false),
        "crafts" => TestOccupations.Make("baker", Regulation.SelfEmploymentOnly, LawLevel.Federal, euAutomatic: false),
        _ => throw new ArgumentException($"Unknown occupation kind '{kind}'.", nameof(kind)),
    };
}
