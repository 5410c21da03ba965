using System.Text.Json;
using IqTriageBot.Domain.Centres;

namespace IqTriageBot.Storage;

public sealed class SqliteCentreSettingsStore(SqliteDatabase database) : ICentreSettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyDictionary<string, CentreSettings>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT centre_id, json FROM centre_setting";
        var result = new Dictionary<string, CentreSettings>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (JsonSerializer.Deserialize<StoredSettings>(reader.GetString(1), Json) is { } stored)
            {
                result[reader.GetString(0)] = stored.ToSettings();
            }
        }

        return result;
    }

    public Task SaveAsync(string centreId, CentreSettings settings, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO centre_setting (centre_id, json, updated_utc) VALUES ($id, $json, $now)
                ON CONFLICT (centre_id) DO UPDATE SET json = excluded.json, updated_utc = excluded.updated_utc
                """;
            command.Parameters.AddWithValue("$id", centreId);
            command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(StoredSettings.From(settings), Json));
            command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The stored shape: hours as "HH:mm-HH:mm" per day number (0 = Sunday).</summary>
    private sealed record StoredSettings(Dictionary<int, List<string>> Hours, int Capacity, int SessionMinutes, List<string> Languages)
    {
        public static StoredSettings From(CentreSettings settings) => new(
            settings.Hours.ToDictionary(p => (int)p.Key, p => p.Value.Select(h => $"{h.From:HH\\:mm}-{h.To:HH\\:mm}").ToList()),
            settings.Capacity,
            settings.SessionMinutes,
            settings.Languages.ToList());

        public CentreSettings ToSettings() => new(
            Hours.ToDictionary(
                p => (DayOfWeek)p.Key,
                p => (IReadOnlyList<OpeningHours>)p.Value.Select(r => r.Split('-')).Select(r => new OpeningHours(TimeOnly.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture))).ToList()),
            Capacity,
            SessionMinutes,
            Languages);
    }
}
