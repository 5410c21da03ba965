using System.Text.Json;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Mail;
using Microsoft.Data.Sqlite;

namespace IqTriageBot.Storage;

/// <summary>The mail outbox in the SQLite database (table mail_outbox).</summary>
public sealed class SqliteMailOutbox(SqliteDatabase database) : IMailOutbox
{
    private const string Columns = """
        id, dedup_key, kind, booking_reference, centre_id, channel_id, conversation_id, recipients_json, subject, text_body, html_body,
        attachments_json, status, attempts, created_utc, next_attempt_utc, sent_utc, last_error
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<bool> EnqueueAsync(OutgoingMail mail, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO mail_outbox (id, dedup_key, kind, booking_reference, centre_id, channel_id, conversation_id, recipients_json, subject,
                                         text_body, html_body, attachments_json, status, attempts, created_utc, next_attempt_utc)
                VALUES ($id, $key, $kind, $reference, $centre, $channel, $conversation, $recipients, $subject,
                        $text, $html, $attachments, 'queued', 0, $now, $now)
                ON CONFLICT (dedup_key) DO NOTHING
                """;
            command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString("N"));
            command.Parameters.AddWithValue("$key", mail.DeduplicationKey);
            command.Parameters.AddWithValue("$kind", mail.Kind);
            command.Parameters.AddWithValue("$reference", (object?)mail.BookingReference ?? DBNull.Value);
            command.Parameters.AddWithValue("$centre", (object?)mail.CentreId ?? DBNull.Value);
            command.Parameters.AddWithValue("$channel", (object?)mail.ChannelId ?? DBNull.Value);
            command.Parameters.AddWithValue("$conversation", (object?)mail.ConversationId ?? DBNull.Value);
            command.Parameters.AddWithValue("$recipients", JsonSerializer.Serialize(mail.Recipients, Json));
            command.Parameters.AddWithValue("$subject", mail.Subject);
            command.Parameters.AddWithValue("$text", mail.TextBody);
            command.Parameters.AddWithValue("$html", (object?)mail.HtmlBody ?? DBNull.Value);
            command.Parameters.AddWithValue("$attachments", JsonSerializer.Serialize(mail.Attachments, Json));
            command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<OutboxEntry>>(async connection =>
        {
            using var transaction = connection.BeginTransaction();
            var due = new List<OutboxEntry>();
            using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = $"""
                    SELECT {Columns} FROM mail_outbox
                     WHERE status = 'queued' AND next_attempt_utc <= $now
                     ORDER BY next_attempt_utc LIMIT $max
                    """;
                select.Parameters.AddWithValue("$now", SqliteTime.Format(now));
                select.Parameters.AddWithValue("$max", max);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    due.Add(Read(reader));
                }
            }

            var claimed = new List<OutboxEntry>(due.Count);
            foreach (var entry in due)
            {
                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_utc = $lease WHERE id = $id";
                update.Parameters.AddWithValue("$lease", SqliteTime.Format(now + lease));
                update.Parameters.AddWithValue("$id", entry.Id);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                claimed.Add(entry with { Attempts = entry.Attempts + 1, NextAttemptAt = now + lease });
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return claimed;
        }, cancellationToken);

    public Task MarkSentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE mail_outbox SET status = 'sent', sent_utc = $now, next_attempt_utc = NULL WHERE id = $id",
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
            },
            cancellationToken);

    public Task MarkFailedAsync(string id, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE mail_outbox SET status = $status, last_error = $error, next_attempt_utc = $next WHERE id = $id",
            command =>
            {
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$status", Codes.Of(retryAt is null ? MailStatus.Failed : MailStatus.Queued));
                command.Parameters.AddWithValue("$error", failure.Length > 300 ? failure[..300] : failure);
                command.Parameters.AddWithValue("$next", retryAt is { } next ? SqliteTime.Format(next) : DBNull.Value);
            },
            cancellationToken);

    public async Task<OutboxEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM mail_outbox WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListRecentAsync(IReadOnlyCollection<string>? centreIds, int max, CancellationToken cancellationToken)
    {
        if (centreIds is { Count: 0 })
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var filter = string.Empty;
        if (centreIds is not null)
        {
            var names = centreIds.Select((centre, i) => { command.Parameters.AddWithValue($"$c{i}", centre); return $"$c{i}"; });
            filter = $"WHERE centre_id IN ({string.Join(", ", names)})";
        }

        command.CommandText = $"SELECT {Columns} FROM mail_outbox {filter} ORDER BY created_utc DESC, rowid DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var result = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public Task<int> DeleteForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM mail_outbox WHERE channel_id = $channel AND conversation_id = $conversation",
            command =>
            {
                command.Parameters.AddWithValue("$channel", channelId);
                command.Parameters.AddWithValue("$conversation", conversationId);
            },
            cancellationToken);

    public Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM mail_outbox WHERE created_utc < $before",
            command => command.Parameters.AddWithValue("$before", SqliteTime.Format(before)),
            cancellationToken);

    private Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind(command);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static OutboxEntry Read(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : SqliteTime.Parse(reader.GetString(i));
        var mail = new OutgoingMail
        {
            DeduplicationKey = reader.GetString(1),
            Kind = reader.GetString(2),
            BookingReference = Text(3),
            CentreId = Text(4),
            ChannelId = Text(5),
            ConversationId = Text(6),
            Recipients = JsonSerializer.Deserialize<List<string>>(reader.GetString(7), Json) ?? [],
            Subject = reader.GetString(8),
            TextBody = reader.GetString(9),
            HtmlBody = Text(10),
            Attachments = JsonSerializer.Deserialize<List<MailAttachment>>(reader.GetString(11), Json) ?? [],
        };
        return new OutboxEntry(
            reader.GetString(0),
            mail,
            Codes.Parse<MailStatus>(reader.GetString(12)),
            reader.GetInt32(13),
            SqliteTime.Parse(reader.GetString(14)),
            Time(15),
            Time(16),
            Text(17));
    }
}
