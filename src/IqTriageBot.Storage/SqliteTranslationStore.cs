namespace IqTriageBot.Storage;

/// <summary>A machine-translated catalog text and the hash of the source text it was made from.</summary>
public sealed record CachedText(string Key, string SourceHash, string Text);

/// <summary>The cache of machine-translated catalog texts (table translated_text).</summary>
public interface ITranslationCache
{
    Task<IReadOnlyList<CachedText>> ReadAsync(string language, CancellationToken cancellationToken);

    Task WriteAsync(string language, string provider, IReadOnlyList<CachedText> texts, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed class SqliteTranslationStore(SqliteDatabase database) : ITranslationCache
{
    public async Task<IReadOnlyList<CachedText>> ReadAsync(string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT text_key, source_hash, text FROM translated_text WHERE language = $language";
        command.Parameters.AddWithValue("$language", language);
        var result = new List<CachedText>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new CachedText(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return result;
    }

    public Task WriteAsync(string language, string provider, IReadOnlyList<CachedText> texts, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var text in texts)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO translated_text (language, text_key, source_hash, text, provider, updated_utc)
                    VALUES ($language, $key, $hash, $text, $provider, $now)
                    ON CONFLICT (language, text_key) DO UPDATE SET source_hash = excluded.source_hash, text = excluded.text,
                        provider = excluded.provider, updated_utc = excluded.updated_utc
                    """;
                command.Parameters.AddWithValue("$language", language);
                command.Parameters.AddWithValue("$key", text.Key);
                command.Parameters.AddWithValue("$hash", text.SourceHash);
                command.Parameters.AddWithValue("$text", text.Text);
                command.Parameters.AddWithValue("$provider", provider);
                command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return texts.Count;
        }, cancellationToken);
}
