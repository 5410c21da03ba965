using System.Net;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Advisors;
using IqTriageBot.Host.Bot;
using IqTriageBot.Storage;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IqTriageBot.Tests.Portal;

/// <summary>Sign-in, headers, retention and content reload of the portal, over HTTP on a real database.</summary>
public class PortalSafetyTests : IntegrationTest
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_a_quarter_of_an_hour()
    {
        var accounts = Factory.Services.GetRequiredService<PortalAccounts>();
        Assert.Null(await accounts.CreateAsync("advisor@leipzig.example", PortalClient.Password, PortalRole.Advisor, "iq-sn-leipzig", CancellationToken.None));
        using var client = PortalClient.Anonymous(Factory);

        for (var i = 0; i < PortalAccounts.MaxFailures; i++)
        {
            using var wrong = await client.SignInAsync("advisor@leipzig.example", "not-the-password-at-all");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var locked = await client.SignInAsync("advisor@leipzig.example", PortalClient.Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
            Assert.DoesNotContain(locked.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("iq.portal=", StringComparison.Ordinal)));
        }

        Factory.Clock.Advance(PortalAccounts.LockTime + TimeSpan.FromMinutes(1));
        using var right = await client.SignInAsync("advisor@leipzig.example", PortalClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var cookie = right.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("iq.portal=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/portal", cookie, StringComparison.OrdinalIgnoreCase);

        // The password is kept only as a salted hash.
        var account = await Factory.Services.GetRequiredService<IPortalStore>().FindAccountAsync("advisor@leipzig.example", CancellationToken.None);
        Assert.DoesNotContain(PortalClient.Password, account!.PasswordHash, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(account.PasswordHash).Length > 32);
    }

    [Fact]
    public async Task An_unknown_e_mail_address_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = PortalClient.Anonymous(Factory);
        using var unknown = await client.SignInAsync("nobody@example.org", PortalClient.Password);
        var body = await unknown.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("role=\"alert\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody@example.org", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_without_the_form_token_is_refused()
    {
        using var client = PortalClient.Anonymous(Factory);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@example.org", ["password"] = PortalClient.Password });

        using var response = await client.Http.PostAsync("/portal/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Portal_pages_are_never_framed_cached_or_scripted()
    {
        using var client = PortalClient.Anonymous(Factory);
        using var response = await client.Http.GetAsync("/portal/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_deletes_intake_and_conversation_but_the_anonymous_counts_stay()
    {
        var (booking, conversationId) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        var retention = Factory.Services.GetRequiredService<RetentionService>();

        // The day after the appointment nothing is due yet.
        Factory.Clock.SetUtcNow(booking.End!.Value.AddDays(1));
        Assert.Equal((0, 0, 0), await retention.PurgeAsync(CancellationToken.None));
        Assert.NotNull(await Factory.Services.GetRequiredService<IBookingStore>().FindAsync(booking.Reference, CancellationToken.None));
        Assert.NotNull(await Factory.Services.GetRequiredService<IStateStore>().ReadAsync(TurnRunner.StateKey("directline", conversationId), CancellationToken.None));
        Assert.NotNull(await Factory.Services.GetRequiredService<IDirectLineStore>().GetConversationAsync(conversationId, CancellationToken.None));

        Factory.Clock.SetUtcNow(booking.End.Value.AddDays(91));
        // The hourly pass may run on its own as the clock jumps; either way the data is gone afterwards.
        await retention.PurgeAsync(CancellationToken.None);

        Assert.Null(await Factory.Services.GetRequiredService<IStateStore>().ReadAsync(TurnRunner.StateKey("directline", conversationId), CancellationToken.None));
        Assert.Null(await Factory.Services.GetRequiredService<IBookingStore>().FindAsync(booking.Reference, CancellationToken.None));
        Assert.Null(await Factory.Services.GetRequiredService<IDirectLineStore>().GetConversationAsync(conversationId, CancellationToken.None));
        var day = DateOnly.FromDateTime(booking.CreatedAt.UtcDateTime);
        var counts = await Factory.Services.GetRequiredService<IStatisticsStore>().ReadAsync(Dimension.Service, day.AddDays(-1), day.AddDays(1), CancellationToken.None);
        Assert.Equal(1, counts.Where(c => c.Metric == Metric.Bookings).Sum(c => c.Count));
    }
}

/// <summary>Operators reload dialogs/ without a restart; broken content is refused and the old stays in use.</summary>
public sealed class ContentReloadTests : IDisposable
{
    private readonly TempDirectory _copy = new();
    private readonly TriageBotFactory _factory;

    public ContentReloadTests()
    {
        CopyDirectory(RepoPaths.Dialogs, _copy.Path);
        _factory = new TriageBotFactory(new Dictionary<string, string?> { ["Dialogs:Path"] = _copy.Path });
    }

    [Fact]
    public async Task A_broken_edit_is_listed_and_refused_and_a_good_one_goes_live()
    {
        using var operatorClient = await PortalClient.AsNewAccountAsync(_factory, "operator@example.org", PortalRole.Operator, null);
        var english = Path.Combine(_copy.Path, "text", "en.yaml");
        var original = await File.ReadAllTextAsync(english);

        // A catalog without its greeting.
        await File.WriteAllTextAsync(english, System.Text.RegularExpressions.Regex.Replace(original, @"(?m)^greeting:", "greeting_typo:"));
        using (var broken = await operatorClient.PostFormAsync("/portal/content", "/portal/content/reload", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
            Assert.Contains("greeting", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var api = new DirectLineApi(_factory.CreateClient());
        var before = await api.StartWithUserAsync("user-1");
        var firstReplies = (await api.GetActivitiesAsync(before.ConversationId, TriageBotFactory.Secret)).Activities;
        Assert.Contains(firstReplies, a => ReplyKeys.Identify(a).Key == "greeting");

        // A good edit: a reworded line is what the next conversation sees.
        await File.WriteAllTextAsync(english, original.Replace("choose_language: ", "choose_language: Reloaded. ", StringComparison.Ordinal));
        using (var good = await operatorClient.PostFormAsync("/portal/content", "/portal/content/reload", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        }

        Assert.DoesNotContain(firstReplies, a => a!["text"]?.GetValue<string>().Contains("Reloaded.", StringComparison.Ordinal) == true);
        var after = await api.StartWithUserAsync("user-2");
        var newReplies = (await api.GetActivitiesAsync(after.ConversationId, TriageBotFactory.Secret)).Activities;
        Assert.Contains(newReplies, a => a!["text"]?.GetValue<string>().StartsWith("Reloaded. Which language", StringComparison.Ordinal) == true);

        var audit = await _factory.Services.GetRequiredService<IPortalStore>().ReadAuditAsync(10, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "content-reload-failed");
        Assert.Contains(audit, e => e.Action == "content-reload");
    }

    [Fact]
    public async Task Only_operators_may_reload()
    {
        using var admin = await PortalClient.AsNewAccountAsync(_factory, "admin@leipzig.example", PortalRole.CentreAdmin, "iq-sn-leipzig");

        using var response = await admin.PostFormAsync("/portal/bookings", "/portal/content/reload", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _copy.Dispose();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
