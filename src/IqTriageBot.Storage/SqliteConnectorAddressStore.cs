namespace IqTriageBot.Storage;

/// <summary>
/// Where a Bot Connector conversation can be reached without being asked: the channel's service URL, the
/// ids of the bot and the person on that channel and, on Teams, the tenant. Kept for proactive messages.
/// </summary>
public sealed record ConnectorAddress(
    string ChannelId,
    string ConversationId,
    string ServiceUrl,
    string? BotId,
    string? UserId,
    string? TenantId,
    DateTimeOffset UpdatedAt);

/// <summary>The address book of Bot Connector conversations, one row per (channel, conversation).</summary>
public interface IConnectorAddressStore
{
    /// <summary>Inserts or replaces the address of the conversation.</summary>
    Task SaveAsync(ConnectorAddress address, CancellationToken cancellationToken);

    Task<ConnectorAddress?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes the address; true when there was one.</summary>
    Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The channel ids that have at least one stored address.</summary>
    Task<IReadOnlyList<string>> ChannelIdsAsync(CancellationToken cancellationToken);
}

public sealed class SqliteConnectorAddressStore(SqliteDatabase database) : IConnectorAddressStore
{
    public async Task SaveAsync(ConnectorAddress address, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO connector_address (channel_id, conversation_id, service_url, bot_id, user_id, tenant_id, updated_utc)
                VALUES ($channel, $conversation, $serviceUrl, $bot, $user, $tenant, $now)
                ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                    service_url = excluded.service_url, bot_id = excluded.bot_id, user_id = excluded.user_id,
                    tenant_id = excluded.tenant_id, updated_utc = excluded.updated_utc
                """;
            command.Parameters.AddWithValue("$channel", address.ChannelId);
            command.Parameters.AddWithValue("$conversation", address.ConversationId);
            command.Parameters.AddWithValue("$serviceUrl", address.ServiceUrl);
            command.Parameters.AddWithValue("$bot", (object?)address.BotId ?? DBNull.Value);
            command.Parameters.AddWithValue("$user", (object?)address.UserId ?? DBNull.Value);
            command.Parameters.AddWithValue("$tenant", (object?)address.TenantId ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", SqliteTime.Format(address.UpdatedAt));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConnectorAddress?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT service_url, bot_id, user_id, tenant_id, updated_utc FROM connector_address
             WHERE channel_id = $channel AND conversation_id = $conversation
            """;
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ConnectorAddress(
            channelId,
            conversationId,
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            SqliteTime.Parse(reader.GetString(4)));
    }

    public async Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM connector_address WHERE channel_id = $channel AND conversation_id = $conversation";
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$conversation", conversationId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ChannelIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT channel_id FROM connector_address";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
