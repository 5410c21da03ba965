using Microsoft.Data.Sqlite;

namespace IqTriageBot.Storage;

public sealed class SqliteMessengerStore(SqliteDatabase database) : IMessengerStore
{
    private static readonly string[] ConversationTables = ["messenger_conversation", "messenger_button", "messenger_outbox"];

    public Task<bool> TryMarkSeenAsync(string channelId, string itemId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO messenger_seen (channel_id, item_id, seen_utc) VALUES ($channel, $item, $now) ON CONFLICT DO NOTHING";
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$item", itemId);
            command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    public Task<int> PruneSeenAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM messenger_seen WHERE seen_utc < $before";
            command.Parameters.AddWithValue("$before", SqliteTime.Format(before));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task SaveConversationAsync(MessengerConversation conversation, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO messenger_conversation (channel_id, conversation_id, user_id, phone_id, language_hint, last_inbound_utc)
                VALUES ($channel, $conversation, $user, $phone, $hint, $last)
                ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                    user_id = COALESCE(excluded.user_id, user_id),
                    phone_id = COALESCE(excluded.phone_id, phone_id),
                    language_hint = COALESCE(excluded.language_hint, language_hint),
                    last_inbound_utc = MAX(excluded.last_inbound_utc, last_inbound_utc)
                """;
            command.Parameters.AddWithValue("$channel", conversation.ChannelId);
            command.Parameters.AddWithValue("$conversation", conversation.ConversationId);
            command.Parameters.AddWithValue("$user", (object?)conversation.UserId ?? DBNull.Value);
            command.Parameters.AddWithValue("$phone", (object?)conversation.PhoneId ?? DBNull.Value);
            command.Parameters.AddWithValue("$hint", (object?)conversation.LanguageHint ?? DBNull.Value);
            command.Parameters.AddWithValue("$last", SqliteTime.Format(conversation.LastInbound));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<MessengerConversation?> FindConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT user_id, phone_id, language_hint, last_inbound_utc FROM messenger_conversation
             WHERE channel_id = $channel AND conversation_id = $conversation
            """;
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new MessengerConversation(channelId, conversationId,
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            SqliteTime.Parse(reader.GetString(3)));
    }

    public Task SaveButtonAsync(string channelId, string conversationId, string token, string value, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO messenger_button (channel_id, conversation_id, token, value, created_utc) VALUES ($channel, $conversation, $token, $value, $now)
                ON CONFLICT (channel_id, conversation_id, token) DO UPDATE SET value = excluded.value, created_utc = excluded.created_utc
                """;
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$conversation", conversationId);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$value", value);
            command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<string?> FindButtonAsync(string channelId, string conversationId, string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM messenger_button WHERE channel_id = $channel AND conversation_id = $conversation AND token = $token";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$token", token);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public Task EnqueueAsync(string channelId, string conversationId, IReadOnlyList<(string Method, string Payload)> calls, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (method, payload) in calls)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO messenger_outbox (channel_id, conversation_id, method, payload, attempts, next_utc, created_utc)
                    VALUES ($channel, $conversation, $method, $payload, 0, $now, $now)
                    """;
                command.Parameters.AddWithValue("$channel", channelId);
                command.Parameters.AddWithValue("$conversation", conversationId);
                command.Parameters.AddWithValue("$method", method);
                command.Parameters.AddWithValue("$payload", payload);
                command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return calls.Count;
        }, cancellationToken);

    public async Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, channel_id, conversation_id, method, payload, attempts, next_utc, created_utc FROM messenger_outbox
             ORDER BY id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new OutboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), SqliteTime.Parse(reader.GetString(6)), SqliteTime.Parse(reader.GetString(7))));
        }

        return items;
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM messenger_outbox WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task RetryLaterAsync(long id, DateTimeOffset nextAttempt, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE messenger_outbox SET attempts = attempts + 1, next_utc = $next WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$next", SqliteTime.Format(nextAttempt));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var deleted = 0;
            foreach (var table in ConversationTables)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"DELETE FROM {table} WHERE channel_id = $channel AND conversation_id = $conversation";
                command.Parameters.AddWithValue("$channel", channelId);
                command.Parameters.AddWithValue("$conversation", conversationId);
                deleted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return deleted;
        }, cancellationToken);
}
