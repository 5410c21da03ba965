using System.Globalization;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;

namespace IqTriageBot.Host.Advisors;

/// <summary>
/// The anonymous statistics the programme reports: counted as things happen (codes only, never a person) so
/// they survive the deletion of conversations and intakes; shown with every cell below <see cref="MinimumCell"/> hidden.
/// </summary>
public sealed class Statistics(IStatisticsStore store, TimeProvider time)
{
    public const int MinimumCell = 5;

    public Task StartedAsync(string language, string channel, CancellationToken cancellationToken) =>
        store.CountAsync(Today(), Metric.Conversations, new Dictionary<Dimension, string> { [Dimension.Language] = language, [Dimension.Channel] = channel }, cancellationToken);

    public Task CompletedAsync(TriageAnswers answers, RoutingResult result, string language, string channel, CancellationToken cancellationToken) =>
        store.CountAsync(Today(), Metric.Completed, Dimensions(answers, result.Recommendations, language, channel), cancellationToken);

    public Task BookedAsync(Booking booking, CancellationToken cancellationToken) =>
        store.CountAsync(Today(), Metric.Bookings, DimensionsOf(booking), cancellationToken);

    public Task AttendedAsync(Booking booking, CancellationToken cancellationToken) =>
        store.CountAsync(Today(), Metric.Attended, DimensionsOf(booking), cancellationToken);

    /// <summary>Counts per period (ISO week or month) and value; cells below the minimum come back as null.</summary>
    public async Task<IReadOnlyList<(string Period, Metric Metric, string Value, int? Count)>> ReadAsync(
        Dimension dimension, bool byMonth, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var counts = await store.ReadAsync(dimension, from, until, cancellationToken).ConfigureAwait(false);
        return counts
            .GroupBy(c => (Period: Period(c.Day, byMonth), c.Metric, c.Value))
            .Select(g => (g.Key.Period, g.Key.Metric, g.Key.Value, Count: g.Sum(c => c.Count)))
            .Select(g => (g.Period, g.Metric, g.Value, g.Count >= MinimumCell ? (int?)g.Count : null))
            .OrderBy(g => g.Period, StringComparer.Ordinal).ThenBy(g => g.Metric).ThenBy(g => g.Value, StringComparer.Ordinal)
            .ToList();
    }

    public static string Period(DateOnly day, bool byMonth) =>
        byMonth
            ? day.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}";

    private DateOnly Today() => DateOnly.FromDateTime(SlotPlanner.ToBerlin(time.GetUtcNow()).DateTime);

    private static Dictionary<Dimension, string> DimensionsOf(Booking booking)
    {
        var intake = IntakeJson.Deserialize(booking.Intake);
        var dimensions = intake is null
            ? new Dictionary<Dimension, string> { [Dimension.Language] = booking.Address.Language, [Dimension.Channel] = booking.Address.ChannelId }
            : Dimensions(intake.Answers, intake.Recommendations, intake.Language, booking.Address.ChannelId);
        dimensions[Dimension.Service] = Codes.Of(booking.Service);
        return dimensions;
    }

    private static Dictionary<Dimension, string> Dimensions(TriageAnswers answers, IReadOnlyList<Recommendation> recommendations, string language, string channel)
    {
        var recognition = recommendations.Any(r => r.Service == Service.Recognition);
        var qualification = recommendations.Any(r => r.Service == Service.Qualification);
        return new Dictionary<Dimension, string>
        {
            [Dimension.Service] = recommendations.Count > 0 ? Codes.Of(recommendations[0].Service) : "none",
            [Dimension.Land] = answers.Place?.Land ?? (answers.LivesIn == LivesIn.Abroad ? "abroad" : "unknown"),
            [Dimension.Language] = language,
            [Dimension.Channel] = channel,
            [Dimension.Occupation] = answers.Occupation?.OccupationId ?? (answers.Occupation is null ? "none" : "unclassified"),
            [Dimension.Residence] = answers.LivesIn == LivesIn.Abroad ? "abroad" : answers.ResidenceGroup is { } group ? Codes.Of(group) : "not-said",
            [Dimension.Split] = (recognition, qualification) switch
            {
                (true, true) => "both",
                (true, false) => "recognition",
                (false, true) => "qualification",
                _ => "neither",
            },
        };
    }
}
