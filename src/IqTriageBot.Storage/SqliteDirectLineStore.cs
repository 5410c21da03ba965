using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IqTriageBot.Storage;

public sealed class SqliteDirectLineStore(SqliteDatabase database) : IDirectLineStore
{
    public async Task<bool> CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO dl_conversation (id, user_id, locale, created_utc, started, last_seq)
                VALUES ($id, $user, $locale, $created, $started, 0)
                ON CONFLICT (id) DO NOTHING
                """;
            command.Parameters.AddWithValue("$id", conversation.Id);
            command.Parameters.AddWithValue("$user", (object?)conversation.UserId ?? DBNull.Value);
            command.Parameters.AddWithValue("$locale", (object?)conversation.Locale ?? DBNull.Value);
            command.Parameters.AddWithValue("$created", SqliteTime.Format(conversation.CreatedUtc));
            command.Parameters.AddWithValue("$started", conversation.Started ? 1 : 0);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DirectLineConversation?> GetConversationAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, user_id, locale, created_utc, started, last_seq FROM dl_conversation WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new DirectLineConversation(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            SqliteTime.Parse(reader.GetString(3)),
            reader.GetInt64(4) != 0,
            reader.GetInt64(5));
    }

    public async Task<bool> StartConversationAsync(string id, string? userId, string? locale, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE dl_conversation
                   SET started = 1,
                       user_id = COALESCE(user_id, $user),
                       locale = COALESCE($locale, locale)
                 WHERE id = $id AND started = 0
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$user", (object?)userId ?? DBNull.Value);
            command.Parameters.AddWithValue("$locale", (object?)locale ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredActivity> AppendAsync(
        string conversationId,
        DateTimeOffset now,
        Func<ActivityStamp, string> render,
        CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async connection =>
        {
            // BeginTransaction() is BEGIN IMMEDIATE: the write lock is taken before the sequence is read,
            // so two appends to one conversation (even from two processes) never get the same number.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            long lastSequence;
            DateTimeOffset? lastTimestamp;
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT last_seq, last_timestamp FROM dl_conversation WHERE id = $id";
                read.Parameters.AddWithValue("$id", conversationId);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException("Cannot append to a conversation that does not exist.");
                }

                lastSequence = reader.GetInt64(0);
                lastTimestamp = reader.IsDBNull(1) ? null : SqliteTime.Parse(reader.GetString(1));
            }

            // Web Chat orders the transcript by timestamp, which travels with millisecond precision: keep it
            // strictly increasing at that precision, or two activities can look simultaneous on the wire.
            var timestamp = TruncateToMilliseconds(now.ToUniversalTime());
            if (lastTimestamp is { } previous && timestamp <= previous)
            {
                timestamp = TruncateToMilliseconds(previous).AddMilliseconds(1);
            }

            var stamp = new ActivityStamp(lastSequence + 1, timestamp);
            var json = render(stamp);

            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO dl_activity (conversation_id, seq, json) VALUES ($id, $seq, $json);
                    UPDATE dl_conversation SET last_seq = $seq, last_timestamp = $ts WHERE id = $id;
                    """;
                insert.Parameters.AddWithValue("$id", conversationId);
                insert.Parameters.AddWithValue("$seq", stamp.Sequence);
                insert.Parameters.AddWithValue("$json", json);
                insert.Parameters.AddWithValue("$ts", SqliteTime.Format(timestamp));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new StoredActivity(conversationId, stamp.Sequence, json);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), value.Offset);

    public async Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(
        string conversationId,
        long afterSequence,
        int maxCount,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, json FROM dl_activity
             WHERE conversation_id = $id AND seq > $after
             ORDER BY seq
             LIMIT $max
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$max", maxCount);
        var result = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredActivity(conversationId, reader.GetInt64(0), reader.GetString(1)));
        }

        return result;
    }

    public async Task SaveFileAsync(StoredFile file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteAsync<bool>(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO dl_file (id, conversation_id, content_type, name, data, created_utc)
                VALUES ($id, $conversation, $type, $name, $data, $created)
                """;
            command.Parameters.AddWithValue("$id", file.Id);
            command.Parameters.AddWithValue("$conversation", file.ConversationId);
            command.Parameters.AddWithValue("$type", file.ContentType);
            command.Parameters.AddWithValue("$name", (object?)file.Name ?? DBNull.Value);
            command.Parameters.AddWithValue("$data", file.Data);
            command.Parameters.AddWithValue("$created", SqliteTime.Format(now));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredFile?> GetFileAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, conversation_id, content_type, name, data FROM dl_file WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredFile(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            (byte[])reader.GetValue(4));
    }

    public async Task EraseHistoryAsync(string conversationId, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM dl_activity WHERE conversation_id = $id;
                DELETE FROM dl_file WHERE conversation_id = $id;
                """;
            command.Parameters.AddWithValue("$id", conversationId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TEMP TABLE IF NOT EXISTS expired (id TEXT PRIMARY KEY);
                DELETE FROM temp.expired;
                INSERT INTO temp.expired SELECT id FROM dl_conversation WHERE COALESCE(last_timestamp, created_utc) < $before;
                DELETE FROM dl_activity WHERE conversation_id IN (SELECT id FROM temp.expired);
                DELETE FROM dl_file WHERE conversation_id IN (SELECT id FROM temp.expired);
                DELETE FROM dl_conversation WHERE id IN (SELECT id FROM temp.expired);
                SELECT COUNT(*) FROM temp.expired;
                """;
            command.Parameters.AddWithValue("$before", SqliteTime.Format(before));
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);
}

internal static class SqliteTime
{
    // Fixed-width UTC text sorts and compares correctly as a string.
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
