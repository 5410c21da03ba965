using System.Globalization;
using IqTriageBot.Domain;

namespace IqTriageBot.Storage;

public sealed class SqliteStatisticsStore(SqliteDatabase database) : IStatisticsStore
{
    public Task CountAsync(DateOnly day, Metric metric, IReadOnlyDictionary<Dimension, string> values, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (dimension, value) in values.Append(new KeyValuePair<Dimension, string>(Dimension.None, "all")))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO stat_count (day, metric, dimension, value, count) VALUES ($day, $metric, $dimension, $value, 1)
                    ON CONFLICT (day, metric, dimension, value) DO UPDATE SET count = count + 1
                    """;
                command.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$metric", Codes.Of(metric));
                command.Parameters.AddWithValue("$dimension", Codes.Of(dimension));
                command.Parameters.AddWithValue("$value", value);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public async Task<IReadOnlyList<StatisticCount>> ReadAsync(Dimension dimension, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT day, metric, value, count FROM stat_count WHERE dimension = $dimension AND day >= $from AND day <= $until ORDER BY day";
        command.Parameters.AddWithValue("$dimension", Codes.Of(dimension));
        command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var result = new List<StatisticCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StatisticCount(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Codes.Parse<Metric>(reader.GetString(1)),
                dimension,
                reader.GetString(2),
                reader.GetInt32(3)));
        }

        return result;
    }
}
