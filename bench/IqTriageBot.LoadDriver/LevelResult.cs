using System.Diagnostics;

namespace IqTriageBot.LoadDriver;

/// <summary>What one virtual user saw inside the measured window; merged per level afterwards, so no locks.</summary>
internal sealed class UserStats
{
    public List<long> Latencies { get; } = new(4096);

    public int Errors { get; set; }

    public int Conversations { get; set; }

    public Dictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

    public void Record(in TurnOutcome outcome)
    {
        Latencies.Add(outcome.Finished - outcome.Started);
        if (outcome.Error is { } reason)
        {
            Errors++;
            Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
        }
    }
}

/// <summary>The figures of one concurrency level.</summary>
internal sealed record LevelResult(
    int Concurrency,
    TimeSpan Measured,
    int Turns,
    int Errors,
    int Conversations,
    double P50,
    double P90,
    double P99,
    double Max,
    IReadOnlyList<KeyValuePair<string, int>> Reasons)
{
    /// <summary>Valid turns per second: failed turns are often fast and would flatter throughput.</summary>
    public double TurnsPerSecond => (Turns - Errors) / Measured.TotalSeconds;

    public double ErrorRate => Turns == 0 ? 1 : (double)Errors / Turns;

    public static LevelResult From(int concurrency, TimeSpan measured, IEnumerable<UserStats> users)
    {
        var all = users.ToList();
        var latencies = all.SelectMany(u => u.Latencies).ToArray();
        Array.Sort(latencies);
        var reasons = all.SelectMany(u => u.Reasons)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Sum(r => r.Value)))
            .OrderByDescending(r => r.Value)
            .ToList();
        return new LevelResult(
            concurrency,
            measured,
            latencies.Length,
            all.Sum(u => u.Errors),
            all.Sum(u => u.Conversations),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.90),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? double.NaN : Milliseconds(latencies[^1]),
            reasons);
    }

    /// <summary>Nearest-rank percentile of sorted Stopwatch tick durations, in milliseconds.</summary>
    private static double Percentile(long[] sorted, double quantile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return Milliseconds(sorted[Math.Clamp(rank, 1, sorted.Length) - 1]);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
