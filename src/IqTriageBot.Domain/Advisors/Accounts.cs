namespace IqTriageBot.Domain.Advisors;

/// <summary>Who may do what in the advisor portal.</summary>
public enum PortalRole
{
    /// <summary>Reads and updates the bookings and intakes of their own centre.</summary>
    Advisor,

    /// <summary>Also sets their centre's hours, capacity and languages and creates its advisors' accounts.</summary>
    CentreAdmin,

    /// <summary>All centres, accounts, statistics, e-mail delivery, content reload and the audit log.</summary>
    Operator,
}

/// <summary>A portal account; the password is stored only as a standard salted hash.</summary>
public sealed record PortalAccount(
    string Id,
    string Email,
    string PasswordHash,
    PortalRole Role,
    string? CentreId,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt);

/// <summary>One entry of the audit log: who opened or changed which intake, when.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Account, string Action, string? Reference);

/// <summary>Persistence of portal accounts and the audit log.</summary>
public interface IPortalStore
{
    Task<PortalAccount?> FindAccountAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<PortalAccount>> ListAccountsAsync(string? centreId, CancellationToken cancellationToken);

    /// <summary>Creates the account; false when the e-mail address is taken.</summary>
    Task<bool> CreateAccountAsync(PortalAccount account, CancellationToken cancellationToken);

    Task<bool> AnyOperatorAsync(CancellationToken cancellationToken);

    /// <summary>Records a sign-in result: resets the failures, or counts one and locks the account when too many.</summary>
    Task RecordSignInAsync(string accountId, bool succeeded, DateTimeOffset? lockUntil, string? newHash, CancellationToken cancellationToken);

    Task AuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int max, CancellationToken cancellationToken);
}
