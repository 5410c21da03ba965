namespace IqTriageBot.Domain;

/// <summary>What the statistics count. Anonymous: only codes and a day, never a person.</summary>
public enum Metric { Conversations, Completed, Bookings, Attended }

/// <summary>The breakdowns the programme reports.</summary>
public enum Dimension { None, Service, Land, Language, Channel, Occupation, Residence, Split }

/// <summary>One count of the statistics: per day, metric and value of a dimension.</summary>
public sealed record StatisticCount(DateOnly Day, Metric Metric, Dimension Dimension, string Value, int Count);

/// <summary>Anonymous counts that survive the deletion of the conversations they came from.</summary>
public interface IStatisticsStore
{
    /// <summary>Adds one to each (dimension, value) of the metric on that day ("none" counts the total).</summary>
    Task CountAsync(DateOnly day, Metric metric, IReadOnlyDictionary<Dimension, string> values, CancellationToken cancellationToken);

    Task<IReadOnlyList<StatisticCount>> ReadAsync(Dimension dimension, DateOnly from, DateOnly until, CancellationToken cancellationToken);
}
