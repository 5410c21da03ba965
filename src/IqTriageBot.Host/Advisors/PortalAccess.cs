using System.Security.Claims;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Bookings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace IqTriageBot.Host.Advisors;

/// <summary>The signed-in portal user, from the authentication cookie.</summary>
public sealed record PortalUser(string Id, string Email, PortalRole Role, string? CentreId)
{
    public bool IsOperator => Role == PortalRole.Operator;

    /// <summary>Operators see every centre; advisors and centre admins only their own.</summary>
    public bool MaySee(string centreId) => IsOperator || CentreId == centreId;

    public bool MaySee(Booking booking) => MaySee(booking.CentreId);

    /// <summary>The centres whose bookings the user may list; null means all.</summary>
    public IReadOnlyCollection<string>? Centres => IsOperator ? null : CentreId is null ? [] : [CentreId];

    public static PortalUser? From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
        && principal.FindFirstValue(ClaimTypes.Email) is { } email
        && Codes.TryParse<PortalRole>(principal.FindFirstValue(ClaimTypes.Role), out var role)
            ? new PortalUser(id, email, role, principal.FindFirstValue("centre"))
            : null;
}

/// <summary>
/// Signing in: standard salted password hashes (ASP.NET Core Identity's PBKDF2 hasher), the account locked for a
/// while after repeated failures, and a cookie that carries role and centre.
/// </summary>
public sealed class PortalAccounts(IPortalStore store, TimeProvider time)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const int MaxFailures = 5;
    public const int MinPasswordLength = 12;
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    private readonly PasswordHasher<PortalAccount> _hasher = new();

    public enum SignInResult { SignedIn, Failed, Locked }

    public async Task<SignInResult> SignInAsync(HttpContext context, string email, string password)
    {
        var now = time.GetUtcNow();
        var account = await store.FindAccountAsync(email, context.RequestAborted);
        if (account is null)
        {
            // Hash anyway, so the response time does not tell whether the address has an account.
            _hasher.HashPassword(null!, password);
            return SignInResult.Failed;
        }

        if (account.LockedUntil is { } locked && locked > now)
        {
            return SignInResult.Locked;
        }

        var check = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (check == PasswordVerificationResult.Failed)
        {
            var lockUntil = account.FailedSignIns + 1 >= MaxFailures ? now + LockTime : (DateTimeOffset?)null;
            await store.RecordSignInAsync(account.Id, succeeded: false, lockUntil, null, context.RequestAborted);
            return lockUntil is null ? SignInResult.Failed : SignInResult.Locked;
        }

        var rehash = check == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account, password) : null;
        await store.RecordSignInAsync(account.Id, succeeded: true, null, rehash, context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Email, account.Email),
            new(ClaimTypes.Role, Codes.Of(account.Role)),
        };
        if (account.CentreId is { } centre)
        {
            claims.Add(new Claim("centre", centre));
        }

        await context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)));
        return SignInResult.SignedIn;
    }

    /// <summary>Creates an account; a problem text (English, for the operator) when it cannot.</summary>
    public async Task<string?> CreateAsync(string email, string password, PortalRole role, string? centreId, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (email.Length is < 3 or > 200 || !email.Contains('@', StringComparison.Ordinal))
        {
            return "a valid e-mail address is needed";
        }

        if (password.Length < MinPasswordLength)
        {
            return $"the password needs at least {MinPasswordLength} characters";
        }

        if (role != PortalRole.Operator && string.IsNullOrEmpty(centreId))
        {
            return "advisors and centre admins belong to a centre";
        }

        var account = new PortalAccount(Guid.NewGuid().ToString("N"), email, string.Empty, role, role == PortalRole.Operator ? null : centreId, 0, null, time.GetUtcNow());
        account = account with { PasswordHash = _hasher.HashPassword(account, password) };
        return await store.CreateAccountAsync(account, cancellationToken) ? null : "this e-mail address already has an account";
    }

    /// <summary>Sets a new password and lifts a lockout; a problem text when it cannot.</summary>
    public async Task<string?> SetPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (password.Length < MinPasswordLength)
        {
            return $"the password needs at least {MinPasswordLength} characters";
        }

        if (await store.FindAccountAsync(email.Trim(), cancellationToken) is not { } account)
        {
            return "there is no account with this e-mail address";
        }

        await store.RecordSignInAsync(account.Id, succeeded: true, null, _hasher.HashPassword(account, password), cancellationToken);
        return null;
    }
}
