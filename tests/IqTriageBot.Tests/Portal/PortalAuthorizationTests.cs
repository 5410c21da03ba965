using System.Net;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Portal;

/// <summary>
/// Who sees what, over HTTP: an advisor or centre admin of centre A gets 404 or 403 for everything of centre B,
/// on every page and every export; the operator pages are closed to both; nothing opens without signing in.
/// </summary>
public class PortalAuthorizationTests : IntegrationTest
{
    private static readonly string[] OperatorOnly = ["/portal/statistics", "/portal/statistics.csv", "/portal/audit", "/portal/content"];

    [Fact]
    public async Task Centre_A_sees_nothing_of_centre_B()
    {
        var (mine, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        var (theirs, _) = await PortalSeed.BookAsync(Factory, Api, "70173", "Sami Stuttgart", "user-2");
        Assert.NotEqual(mine.CentreId, theirs.CentreId);

        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@a.example", PortalRole.Advisor, mine.CentreId);
        using var admin = await PortalClient.AsNewAccountAsync(Factory, "admin@a.example", PortalRole.CentreAdmin, mine.CentreId);
        var failures = new List<string>();
        foreach (var (client, who) in new[] { (advisor, "advisor"), (admin, "centre admin") })
        {
            // Their own booking opens ...
            foreach (var path in Paths(mine.Reference))
            {
                Expect(failures, who, "GET " + path, (await client.GetAsync(path)).Status, HttpStatusCode.OK);
            }

            // ... the other centre's does not, and is not even confirmed to exist.
            foreach (var path in Paths(theirs.Reference).Append($"/portal/bookings/{theirs.Reference.ToLowerInvariant()}"))
            {
                var (status, body) = await client.GetAsync(path);
                Expect(failures, who, "GET " + path, status, HttpStatusCode.NotFound);
                if (body.Contains("Sami", StringComparison.Ordinal))
                {
                    failures.Add($"{who}: GET {path} shows the other centre's name");
                }
            }

            using (var post = await client.PostFormAsync($"/portal/bookings/{mine.Reference}", $"/portal/bookings/{theirs.Reference}/status", new Dictionary<string, string> { ["status"] = "cancelled" }))
            {
                Expect(failures, who, "POST status of B", post.StatusCode, HttpStatusCode.NotFound);
            }

            foreach (var list in new[] { "/portal/bookings", "/portal/bookings?when=past", "/portal/bookings.csv", "/portal/bookings.csv?when=past" })
            {
                var (status, body) = await client.GetAsync(list);
                Expect(failures, who, "GET " + list, status, HttpStatusCode.OK);
                if (body.Contains(theirs.Reference, StringComparison.Ordinal))
                {
                    failures.Add($"{who}: {list} lists the other centre's booking");
                }
            }

            foreach (var path in OperatorOnly)
            {
                Expect(failures, who, "GET " + path, (await client.GetAsync(path)).Status, HttpStatusCode.Forbidden);
            }

            using (var reload = await client.PostFormAsync("/portal/bookings", "/portal/content/reload", new Dictionary<string, string>()))
            {
                Expect(failures, who, "POST content reload", reload.StatusCode, HttpStatusCode.Forbidden);
            }

            using (var account = await client.PostFormAsync("/portal/bookings", "/portal/accounts", new Dictionary<string, string>
                   { ["email"] = $"new-{who.Replace(' ', '-')}@b.example", ["password"] = PortalClient.Password, ["role"] = "advisor", ["centre"] = theirs.CentreId }))
            {
                Expect(failures, who, "POST account for centre B", account.StatusCode, HttpStatusCode.Forbidden);
            }

            using (var centre = await client.PostFormAsync("/portal/bookings", "/portal/centre", new Dictionary<string, string>
                   { ["id"] = theirs.CentreId, ["capacity"] = "3", ["session"] = "60", ["languages"] = "de", ["hours-mon"] = "09:00-12:00" }))
            {
                Expect(failures, who, "POST settings of centre B", centre.StatusCode, HttpStatusCode.Forbidden);
            }
        }

        // The advisor has no centre pages at all; the centre admin has only their own.
        Expect(failures, "advisor", "GET own centre", (await advisor.GetAsync($"/portal/centre?id={mine.CentreId}")).Status, HttpStatusCode.Forbidden);
        Expect(failures, "advisor", "GET accounts", (await advisor.GetAsync("/portal/accounts")).Status, HttpStatusCode.Forbidden);
        Expect(failures, "centre admin", "GET own centre", (await admin.GetAsync("/portal/centre")).Status, HttpStatusCode.OK);
        Expect(failures, "centre admin", "GET centre B", (await admin.GetAsync($"/portal/centre?id={theirs.CentreId}")).Status, HttpStatusCode.NotFound);
        var (_, accounts) = await admin.GetAsync("/portal/accounts");
        Assert.Contains("advisor@a.example", accounts, StringComparison.Ordinal);

        // The status of B's booking is untouched.
        Assert.Equal(IqTriageBot.Domain.Bookings.BookingStatus.Booked, (await Store().FindAsync(theirs.Reference, CancellationToken.None))!.Status);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_operator_sees_every_centre()
    {
        var (leipzig, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        var (stuttgart, _) = await PortalSeed.BookAsync(Factory, Api, "70173", "Sami Stuttgart", "user-2");
        using var op = await PortalClient.AsNewAccountAsync(Factory, "operator@example.org", PortalRole.Operator, null);
        var (_, list) = await op.GetAsync("/portal/bookings");
        Assert.Contains(leipzig.Reference, list, StringComparison.Ordinal);
        Assert.Contains(stuttgart.Reference, list, StringComparison.Ordinal);
        foreach (var path in OperatorOnly.Concat(Paths(stuttgart.Reference)).Append($"/portal/centre?id={stuttgart.CentreId}").Append("/portal/centre"))
        {
            Assert.Equal(HttpStatusCode.OK, (await op.GetAsync(path)).Status);
        }
    }

    [Fact]
    public async Task Nothing_opens_without_signing_in()
    {
        var (booking, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        using var anonymous = PortalClient.Anonymous(Factory);
        foreach (var path in Paths(booking.Reference).Concat(OperatorOnly).Concat(["/portal/bookings", "/portal/bookings.csv", "/portal/centre", "/portal/accounts"]))
        {
            using var response = await anonymous.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/portal/login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain(booking.Reference, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A form post without a session cannot change anything either (the token belongs to the signed-out page).
        using var post = await anonymous.PostFormAsync("/portal/login", $"/portal/bookings/{booking.Reference}/status", new Dictionary<string, string> { ["status"] = "cancelled" });
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(IqTriageBot.Domain.Bookings.BookingStatus.Booked, (await Store().FindAsync(booking.Reference, CancellationToken.None))!.Status);
    }

    private static IEnumerable<string> Paths(string reference) =>
        [$"/portal/bookings/{reference}", $"/portal/bookings/{reference}/intake.json", $"/portal/bookings/{reference}/print"];

    private IqTriageBot.Domain.Bookings.IBookingStore Store() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IqTriageBot.Domain.Bookings.IBookingStore>(Factory.Services);

    private static void Expect(List<string> failures, string who, string what, HttpStatusCode actual, HttpStatusCode expected)
    {
        if (actual != expected)
        {
            failures.Add($"{who}: {what} gave {(int)actual}, expected {(int)expected}");
        }
    }
}
