using IqTriageBot.Domain;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;
using Microsoft.Data.Sqlite;

namespace IqTriageBot.Storage;

public sealed class SqliteBookingStore(SqliteDatabase database) : IBookingStore
{
    private const string Columns = "id, reference, centre_id, service, start_utc, end_utc, mode, anonymous, name, status, channel_id, conversation_id, user_id, service_url, language, created_utc, reminder_utc, intake_json, assigned_to";

    public async Task<IReadOnlyDictionary<DateTimeOffset, int>> CountBookedAsync(string centreId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT start_utc, COUNT(*) FROM booking
             WHERE centre_id = $centre AND status = 'booked' AND start_utc >= $from AND start_utc < $until
             GROUP BY start_utc
            """;
        command.Parameters.AddWithValue("$centre", centreId);
        command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
        command.Parameters.AddWithValue("$until", SqliteTime.Format(until));
        var result = new Dictionary<DateTimeOffset, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[SqliteTime.Parse(reader.GetString(0))] = reader.GetInt32(1);
        }

        return result;
    }

    public async Task<(Booking? Booking, bool Existed)> TryBookAsync(BookingDraft draft, DateTimeOffset slotEnd, int capacity, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindByKeyAsync(draft.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, true);
        }

        var id = Guid.NewGuid().ToString("N");
        var inserted = await database.WriteAsync(async connection =>
        {
            // A waiting-list entry has no slot and no seat; a booking tries the seats in turn, and the unique
            // index on active seats rejects a seat that someone else holds.
            var seats = draft.Start is null ? [(int?)null] : Enumerable.Range(0, capacity).Select(s => (int?)s);
            foreach (var seat in seats)
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO booking (id, reference, idempotency_key, centre_id, service, start_utc, end_utc, seat, mode, anonymous, name, status,
                                         channel_id, conversation_id, user_id, service_url, language, created_utc, changed_utc, intake_json)
                    VALUES ($id, $reference, $key, $centre, $service, $start, $end, $seat, $mode, $anonymous, $name, $status,
                            $channel, $conversation, $user, $serviceUrl, $language, $now, $now, $intake)
                    ON CONFLICT (centre_id, start_utc, seat) WHERE status = 'booked' DO NOTHING
                    """;
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$reference", reference);
                command.Parameters.AddWithValue("$key", draft.IdempotencyKey);
                command.Parameters.AddWithValue("$centre", draft.CentreId);
                command.Parameters.AddWithValue("$service", Codes.Of(draft.Service));
                command.Parameters.AddWithValue("$start", draft.Start is { } start ? SqliteTime.Format(start) : DBNull.Value);
                command.Parameters.AddWithValue("$end", draft.Start is null ? DBNull.Value : SqliteTime.Format(slotEnd));
                command.Parameters.AddWithValue("$seat", (object?)seat ?? DBNull.Value);
                command.Parameters.AddWithValue("$mode", Codes.Of(draft.Mode));
                command.Parameters.AddWithValue("$anonymous", draft.Anonymous ? 1 : 0);
                command.Parameters.AddWithValue("$name", (object?)draft.Name ?? DBNull.Value);
                command.Parameters.AddWithValue("$status", Codes.Of(draft.Start is null ? BookingStatus.Waiting : BookingStatus.Booked));
                command.Parameters.AddWithValue("$channel", draft.Address.ChannelId);
                command.Parameters.AddWithValue("$conversation", draft.Address.ConversationId);
                command.Parameters.AddWithValue("$user", (object?)draft.Address.UserId ?? DBNull.Value);
                command.Parameters.AddWithValue("$serviceUrl", (object?)draft.Address.ServiceUrl ?? DBNull.Value);
                command.Parameters.AddWithValue("$language", draft.Address.Language);
                command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
                command.Parameters.AddWithValue("$intake", (object?)draft.Intake ?? DBNull.Value);
                try
                {
                    if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                    {
                        return true;
                    }
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    // The idempotency key (a concurrent retry) or, very rarely, the reference is already taken.
                    return false;
                }
            }

            return false;
        }, cancellationToken).ConfigureAwait(false);

        if (inserted)
        {
            return (await FindAsync(reference, cancellationToken).ConfigureAwait(false), false);
        }

        var raced = await FindByKeyAsync(draft.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        return (raced, raced is not null);
    }

    public async Task<Booking?> FindAsync(string reference, CancellationToken cancellationToken) =>
        await QuerySingleAsync("reference = $value", reference, cancellationToken).ConfigureAwait(false);

    public async Task<Booking?> FindLatestAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM booking
             WHERE channel_id = $channel AND conversation_id = $conversation AND status IN ('booked', 'waiting')
             ORDER BY created_utc DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> SetStatusAsync(string reference, BookingStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE booking SET status = $status, changed_utc = $now
                 WHERE reference = $reference AND status IN ('booked', 'waiting')
                """;
            command.Parameters.AddWithValue("$status", Codes.Of(status));
            command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            command.Parameters.AddWithValue("$reference", reference);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    public Task<bool> AssignAsync(string reference, string? advisor, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE booking SET assigned_to = $advisor, changed_utc = $now WHERE reference = $reference";
            command.Parameters.AddWithValue("$advisor", (object?)advisor ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            command.Parameters.AddWithValue("$reference", reference);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    public async Task<IReadOnlyList<Booking>> DueRemindersAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM booking
             WHERE status = 'booked' AND reminder_utc IS NULL AND start_utc > $from AND start_utc <= $until
             ORDER BY start_utc
            """;
        command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
        command.Parameters.AddWithValue("$until", SqliteTime.Format(until));
        var result = new List<Booking>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public Task MarkReminderSentAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE booking SET reminder_utc = $now WHERE reference = $reference";
            command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            command.Parameters.AddWithValue("$reference", reference);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<IReadOnlyList<Booking>> ListAsync(BookingQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.CentreIds is { } centres)
        {
            var names = centres.Select((c, i) => "$c" + i).ToList();
            where.Add(names.Count == 0 ? "0" : $"centre_id IN ({string.Join(", ", names)})");
            foreach (var (name, centre) in names.Zip(centres))
            {
                command.Parameters.AddWithValue(name, centre);
            }
        }

        if (query.From is { } from)
        {
            where.Add("COALESCE(start_utc, created_utc) >= $from");
            command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
        }

        if (query.Until is { } until)
        {
            where.Add("COALESCE(start_utc, created_utc) < $until");
            command.Parameters.AddWithValue("$until", SqliteTime.Format(until));
        }

        if (query.Status is { } status)
        {
            where.Add("status = $status");
            command.Parameters.AddWithValue("$status", Codes.Of(status));
        }

        if (query.Service is { } service)
        {
            where.Add("service = $service");
            command.Parameters.AddWithValue("$service", Codes.Of(service));
        }

        command.CommandText = $"""
            SELECT {Columns} FROM booking
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty)}
            ORDER BY COALESCE(start_utc, created_utc) {(query.Descending ? "DESC" : "ASC")} LIMIT $max
            """;
        command.Parameters.AddWithValue("$max", query.Max);
        var result = new List<Booking>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM booking WHERE COALESCE(end_utc, created_utc) < $before";
            command.Parameters.AddWithValue("$before", SqliteTime.Format(before));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<int> DeleteForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM booking WHERE channel_id = $channel AND conversation_id = $conversation";
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$conversation", conversationId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private Task<Booking?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        QuerySingleAsync("idempotency_key = $value", key, cancellationToken);

    private async Task<Booking?> QuerySingleAsync(string where, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM booking WHERE {where}";
        command.Parameters.AddWithValue("$value", value);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Booking?> ReadOneAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static Booking Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Reference = r.GetString(1),
        CentreId = r.GetString(2),
        Service = Codes.Parse<Service>(r.GetString(3)),
        Start = r.IsDBNull(4) ? null : SqliteTime.Parse(r.GetString(4)),
        End = r.IsDBNull(5) ? null : SqliteTime.Parse(r.GetString(5)),
        Mode = Codes.Parse<CounsellingMode>(r.GetString(6)),
        Anonymous = r.GetInt64(7) != 0,
        Name = r.IsDBNull(8) ? null : r.GetString(8),
        Status = Codes.Parse<BookingStatus>(r.GetString(9)),
        Address = new ConversationAddress(r.GetString(10), r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13), r.GetString(14)),
        CreatedAt = SqliteTime.Parse(r.GetString(15)),
        ReminderSentAt = r.IsDBNull(16) ? null : SqliteTime.Parse(r.GetString(16)),
        Intake = r.IsDBNull(17) ? null : r.GetString(17),
        AssignedTo = r.IsDBNull(18) ? null : r.GetString(18),
    };
}
