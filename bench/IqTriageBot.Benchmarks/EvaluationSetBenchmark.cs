using BenchmarkDotNet.Attributes;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Occupations;

namespace IqTriageBot.Benchmarks;

/// <summary>
/// Every query of the classifier's evaluation set (tests/IqTriageBot.Tests/Domain/occupation-eval.tsv) once:
/// divide the mean by the number of queries for the average cost of a query as people really type them.
/// </summary>
[MemoryDiagnoser]
public class EvaluationSetBenchmark
{
    private OccupationClassifier _classifier = null!;
    private (string Query, string Language)[] _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        _classifier = DialogContentLoader.Load(Paths.Dialogs).Data.Occupations.Classifier;
        var set = Path.Combine(Paths.Dialogs, "..", "tests", "IqTriageBot.Tests", "Domain", "occupation-eval.tsv");
        _queries = File.ReadLines(set)
            .Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("query\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(c => (c[0], c[1]))
            .ToArray();
        Console.WriteLine($"// {_queries.Length} queries");
    }

    [Benchmark]
    public int ClassifyAll()
    {
        var confident = 0;
        foreach (var (query, language) in _queries)
        {
            if (_classifier.Classify(query, language).IsConfident)
            {
                confident++;
            }
        }

        return confident;
    }
}
