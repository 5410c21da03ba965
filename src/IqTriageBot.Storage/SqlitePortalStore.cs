using IqTriageBot.Domain;
using IqTriageBot.Domain.Advisors;
using Microsoft.Data.Sqlite;

namespace IqTriageBot.Storage;

public sealed class SqlitePortalStore(SqliteDatabase database) : IPortalStore
{
    private const string Columns = "id, email, password_hash, role, centre_id, failed, locked_until, created_utc";

    public async Task<PortalAccount?> FindAccountAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM portal_account WHERE email = $email";
        command.Parameters.AddWithValue("$email", email.Trim());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<PortalAccount>> ListAccountsAsync(string? centreId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = centreId is null
            ? $"SELECT {Columns} FROM portal_account ORDER BY email"
            : $"SELECT {Columns} FROM portal_account WHERE centre_id = $centre ORDER BY email";
        command.Parameters.AddWithValue("$centre", (object?)centreId ?? DBNull.Value);
        var result = new List<PortalAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public Task<bool> CreateAccountAsync(PortalAccount account, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO portal_account (id, email, password_hash, role, centre_id, failed, locked_until, created_utc)
                VALUES ($id, $email, $hash, $role, $centre, 0, NULL, $created)
                ON CONFLICT (email) DO NOTHING
                """;
            command.Parameters.AddWithValue("$id", account.Id);
            command.Parameters.AddWithValue("$email", account.Email.Trim());
            command.Parameters.AddWithValue("$hash", account.PasswordHash);
            command.Parameters.AddWithValue("$role", Codes.Of(account.Role));
            command.Parameters.AddWithValue("$centre", (object?)account.CentreId ?? DBNull.Value);
            command.Parameters.AddWithValue("$created", SqliteTime.Format(account.CreatedAt));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    public async Task<bool> AnyOperatorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM portal_account WHERE role = 'operator'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public Task RecordSignInAsync(string accountId, bool succeeded, DateTimeOffset? lockUntil, string? newHash, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = succeeded
                ? "UPDATE portal_account SET failed = 0, locked_until = NULL, password_hash = COALESCE($hash, password_hash) WHERE id = $id"
                : "UPDATE portal_account SET failed = failed + 1, locked_until = $lock WHERE id = $id";
            command.Parameters.AddWithValue("$id", accountId);
            command.Parameters.AddWithValue("$hash", (object?)newHash ?? DBNull.Value);
            command.Parameters.AddWithValue("$lock", lockUntil is { } until ? SqliteTime.Format(until) : DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task AuditAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO portal_audit (at_utc, account, action, reference) VALUES ($at, $account, $action, $reference)";
            command.Parameters.AddWithValue("$at", SqliteTime.Format(entry.At));
            command.Parameters.AddWithValue("$account", entry.Account);
            command.Parameters.AddWithValue("$action", entry.Action);
            command.Parameters.AddWithValue("$reference", (object?)entry.Reference ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT at_utc, account, action, reference FROM portal_audit ORDER BY id DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var result = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new AuditEntry(SqliteTime.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return result;
    }

    private static PortalAccount Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        Codes.Parse<PortalRole>(r.GetString(3)),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.GetInt32(5),
        r.IsDBNull(6) ? null : SqliteTime.Parse(r.GetString(6)),
        SqliteTime.Parse(r.GetString(7)));
}
