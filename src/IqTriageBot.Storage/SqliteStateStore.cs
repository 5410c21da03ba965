namespace IqTriageBot.Storage;

public sealed class SqliteStateStore(SqliteDatabase database) : IStateStore
{
    public async Task<StateEntry?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json, etag FROM dialog_state WHERE state_key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StateEntry(reader.GetString(0), reader.GetString(1))
            : null;
    }

    public async Task<string> WriteAsync(string key, string json, string? expectedETag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async connection =>
        {
            var etag = Guid.NewGuid().ToString("N");
            using var command = connection.CreateCommand();
            command.CommandText = expectedETag is null
                ? """
                  INSERT INTO dialog_state (state_key, etag, json, updated_utc) VALUES ($key, $etag, $json, $now)
                  ON CONFLICT (state_key) DO NOTHING
                  """
                : """
                  UPDATE dialog_state SET etag = $etag, json = $json, updated_utc = $now
                   WHERE state_key = $key AND etag = $expected
                  """;
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$etag", etag);
            command.Parameters.AddWithValue("$json", json);
            command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            if (expectedETag is not null)
            {
                command.Parameters.AddWithValue("$expected", expectedETag);
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new StateConflictException(key);
            }

            return etag;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM dialog_state WHERE state_key = $key";
            command.Parameters.AddWithValue("$key", key);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM dialog_state WHERE updated_utc < $before";
            command.Parameters.AddWithValue("$before", SqliteTime.Format(before));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
