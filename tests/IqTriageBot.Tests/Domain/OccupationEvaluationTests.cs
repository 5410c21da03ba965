using System.Globalization;
using IqTriageBot.Domain.Occupations;
using IqTriageBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IqTriageBot.Tests.Domain;

/// <summary>
/// The classifier against occupation-eval.tsv: labelled queries in eleven languages (typos, gendered forms,
/// transliterations, multi-word titles, sentences) and queries that must not match confidently.
/// </summary>
public sealed class OccupationEvaluationTests(ITestOutputHelper output)
{
    private static readonly string Set = Path.Combine(RepoPaths.Root, "tests", "IqTriageBot.Tests", "Domain", "occupation-eval.tsv");

    [Fact]
    public void Classifier_meets_the_accuracy_targets()
    {
        var catalog = TestEngine.Content.Data.Occupations;
        var rows = File.ReadLines(Set)
            .Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("query\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .ToList();
        Assert.True(rows.Count >= 400, "the set needs at least 400 queries");
        Assert.True(rows.Select(r => r[1]).Distinct().Count() >= 10, "the set needs at least ten languages");

        int positives = 0, top1 = 0, top3 = 0, regulation = 0, negatives = 0, confidentOnNegative = 0;
        var misses = new List<string>();
        foreach (var row in rows)
        {
            var (query, language, expected) = (row[0], row[1], row[2]);
            var result = catalog.Classifier.Classify(query, language);
            if (expected == "-")
            {
                negatives++;
                if (result.IsConfident)
                {
                    confidentOnNegative++;
                    misses.Add($"no-match '{query}' ({language}) -> {result.Best!.Occupation.Id}");
                }

                continue;
            }

            var target = catalog.Find(expected) ?? throw new Xunit.Sdk.XunitException($"Unknown id '{expected}' in the evaluation set.");
            positives++;
            var ids = result.Candidates.Select(c => c.Occupation.Id).ToList();
            if (ids.Count > 0 && ids[0] == expected)
            {
                top1++;
            }
            else
            {
                misses.Add($"'{query}' ({language}) expected {expected}, got {string.Join(", ", ids.Take(3))}");
            }

            if (ids.Take(3).Contains(expected))
            {
                top3++;
            }

            if (result.Best?.Occupation.Regulation == target.Regulation)
            {
                regulation++;
            }
        }

        double Percent(int part, int all) => 100.0 * part / all;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"queries {rows.Count}: top-1 {Percent(top1, positives):F1} %, top-3 {Percent(top3, positives):F1} %, regulation {Percent(regulation, positives):F1} %, confident answers on {negatives} no-match queries: {confidentOnNegative}"));
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(Percent(top1, positives) >= 90, $"top-1 {Percent(top1, positives):F1} % is below 90 %");
        Assert.True(Percent(top3, positives) >= 97, $"top-3 {Percent(top3, positives):F1} % is below 97 %");
        Assert.True(Percent(regulation, positives) >= 98, $"regulation {Percent(regulation, positives):F1} % is below 98 %");
        Assert.Equal(0, confidentOnNegative);
    }
}
