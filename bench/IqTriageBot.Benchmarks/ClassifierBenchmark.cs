using BenchmarkDotNet.Attributes;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Occupations;

namespace IqTriageBot.Benchmarks;

/// <summary>
/// One classification with the full occupation table loaded, for the kinds of text people type: an exact
/// name, a gendered German form, a name in another script, a Latin spelling of an Arabic name, a typo, a
/// multi-word text and text that matches nothing (the slowest path: every fallback runs).
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmark
{
    private OccupationClassifier _classifier = null!;

    [Params("nurse", "Elektrikerin", "طبيب أسنان", "tabib", "ingenero civil", "Lehrerin für Mathe", "asdfghjkl")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _classifier = DialogContentLoader.Load(Paths.Dialogs).Data.Occupations.Classifier;

    [Benchmark]
    public Classification Classify() => _classifier.Classify(Query, "en");
}
