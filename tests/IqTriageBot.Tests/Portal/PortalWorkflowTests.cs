using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IqTriageBot.Domain;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Advisors;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IqTriageBot.Tests.Portal;

/// <summary>An advisor's day in the portal, over HTTP: the intake of a chat booking, its exports, and marking the outcome.</summary>
public class PortalWorkflowTests : IntegrationTest
{
    [Fact]
    public async Task The_advisor_reads_the_intake_in_German_with_the_original_answers_and_gaps_marked()
    {
        var (booking, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);

        var (status, html) = await advisor.GetAsync($"/portal/bookings/{booking.Reference}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("lang=\"de\"", html, StringComparison.Ordinal);
        Assert.Contains("Amira Leipzig", html, StringComparison.Ordinal);
        Assert.Contains("Syrien", html, StringComparison.Ordinal);
        Assert.Contains("Sachsen", html, StringComparison.Ordinal);
        Assert.Contains("04109", html, StringComparison.Ordinal);
        Assert.Contains("Qualifizierungsberatung", html, StringComparison.Ordinal);
        // The occupation as the person typed it, beside the reference occupation.
        Assert.Contains("nurse", html, StringComparison.Ordinal);
        Assert.Contains("Original (Englisch)", html, StringComparison.Ordinal);
        // "Only in this chat": no e-mail and no phone, and the page says so instead of leaving the row out.
        Assert.Contains("— keine Angabe —", html, StringComparison.Ordinal);
        // Sections in the order of a first consultation.
        Assert.True(
            html.IndexOf("Aufenthalt", StringComparison.Ordinal) < html.IndexOf("Qualifikation", StringComparison.Ordinal)
            && html.IndexOf("Qualifikation", StringComparison.Ordinal) < html.IndexOf("Anerkennung", StringComparison.Ordinal),
            "sections out of order");

        // The opening is on record.
        var audit = await Factory.Services.GetRequiredService<IPortalStore>().ReadAuditAsync(50, CancellationToken.None);
        Assert.Contains(audit, e => e.Account == "advisor@leipzig.example" && e.Action == "view-intake" && e.Reference == booking.Reference);
    }

    [Fact]
    public async Task The_intake_exports_as_documented_JSON_and_the_list_as_CSV()
    {
        var (booking, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);

        var (status, json) = await advisor.GetAsync($"/portal/bookings/{booking.Reference}/intake.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var export = JsonNode.Parse(json)!;
        Assert.Equal("iqtriagebot.intake/1", export["schema"]!.GetValue<string>());
        Assert.Equal(booking.Reference, export["booking"]!["reference"]!.GetValue<string>());
        Assert.Equal("qualification", export["booking"]!["service"]!.GetValue<string>());
        Assert.Equal("Amira Leipzig", export["booking"]!["name"]!.GetValue<string>());
        Assert.Equal("en", export["intake"]!["language"]!.GetValue<string>());
        Assert.Contains("nurse", json, StringComparison.Ordinal);

        using var response = await advisor.Http.GetAsync("/portal/bookings.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal("reference,start,centre,service,mode,language,status,anonymous,name", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith(booking.Reference + ",", row, StringComparison.Ordinal);
        Assert.EndsWith(",qualification,in-person,en,booked,no,Amira Leipzig", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_a_spreadsheet_would_run_is_defused_in_the_CSV()
    {
        var (booking, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "=HYPERLINK(\"http://x.example\",\"a\")");
        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);

        var (_, csv) = await advisor.GetAsync("/portal/bookings.csv");

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"a\"\")\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_in_the_portal_tells_the_person_in_their_chat_and_frees_the_seat()
    {
        var (booking, conversationId) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);

        using var post = await advisor.PostFormAsync($"/portal/bookings/{booking.Reference}", $"/portal/bookings/{booking.Reference}/status",
            new Dictionary<string, string> { ["status"] = "cancelled" });

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var stored = await Factory.Services.GetRequiredService<IBookingStore>().FindAsync(booking.Reference, CancellationToken.None);
        Assert.Equal(BookingStatus.Cancelled, stored!.Status);
        var last = (await Api.GetActivitiesAsync(conversationId, TriageBotFactory.Secret)).Activities[^1]!;
        Assert.Equal("booking.cancelled", ReplyKeys.Identify(last).Key);
        Assert.Contains(booking.Reference, last["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var seats = await Factory.Services.GetRequiredService<IBookingStore>().CountBookedAsync(booking.CentreId, booking.Start!.Value, booking.End!.Value, CancellationToken.None);
        Assert.False(seats.TryGetValue(booking.Start.Value, out var taken) && taken > 0);
    }

    [Fact]
    public async Task Marking_attended_is_counted_and_a_second_mark_changes_nothing()
    {
        var (booking, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);
        var form = new Dictionary<string, string> { ["status"] = "attended" };

        using (var first = await advisor.PostFormAsync($"/portal/bookings/{booking.Reference}", $"/portal/bookings/{booking.Reference}/status", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var again = await advisor.PostFormAsync($"/portal/bookings/{booking.Reference}", $"/portal/bookings/{booking.Reference}/status", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        var counts = await Factory.Services.GetRequiredService<IStatisticsStore>().ReadAsync(Dimension.Service, today.AddDays(-1), today.AddDays(1), CancellationToken.None);
        Assert.Equal(1, counts.Where(c => c.Metric == Metric.Attended && c.Value == "qualification").Sum(c => c.Count));
        var stored = await Factory.Services.GetRequiredService<IBookingStore>().FindAsync(booking.Reference, CancellationToken.None);
        Assert.Equal(BookingStatus.Attended, stored!.Status);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var (booking, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "cancelled" });
        using var response = await advisor.Http.PostAsync($"/portal/bookings/{booking.Reference}/status", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = await Factory.Services.GetRequiredService<IBookingStore>().FindAsync(booking.Reference, CancellationToken.None);
        Assert.Equal(BookingStatus.Booked, stored!.Status);
    }

    [Fact]
    public async Task Statistics_hide_every_cell_below_five_on_the_page_and_in_the_CSV()
    {
        for (var i = 0; i < 4; i++)
        {
            await PortalSeed.BookAsync(Factory, Api, "04109", $"Person {i}", $"user-{i}");
        }

        using var operatorClient = await PortalClient.AsNewAccountAsync(Factory, "operator@example.org", PortalRole.Operator, null);
        var (_, fewCsv) = await operatorClient.GetAsync("/portal/statistics.csv?by=service");
        Assert.Contains(",service,qualification,bookings,<5", fewCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(",bookings,4", fewCsv, StringComparison.Ordinal);
        var (_, fewPage) = await operatorClient.GetAsync("/portal/statistics?by=service");
        Assert.DoesNotContain("<td>4</td>", fewPage, StringComparison.Ordinal);
        Assert.Contains("<td>·</td>", fewPage, StringComparison.Ordinal);

        await PortalSeed.BookAsync(Factory, Api, "04109", "Person 4", "user-4");

        var (_, csv) = await operatorClient.GetAsync("/portal/statistics.csv?by=service");
        Assert.Contains(",service,qualification,bookings,5", csv, StringComparison.Ordinal);
        var (_, page) = await operatorClient.GetAsync("/portal/statistics?by=service");
        Assert.Contains("<td>5</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 4", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_a_person_said_reaches_the_logs_or_the_addresses()
    {
        var (booking, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");
        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/portal/bookings/{booking.Reference}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/portal/bookings/{booking.Reference}/intake.json")).Status);
        using var cancel = await advisor.PostFormAsync($"/portal/bookings/{booking.Reference}", $"/portal/bookings/{booking.Reference}/status",
            new Dictionary<string, string> { ["status"] = "cancelled" });

        Assert.NotEmpty(Factory.Logs.Lines);
        foreach (var secret in new[] { "Amira", "nurse", "04109", "Syria", PortalClient.Password })
        {
            Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        // Links in the portal carry the booking reference only, never an answer.
        Assert.Matches("^/portal/bookings/[A-Z0-9-]+\\?done=cancelled$", cancel.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_centre_admin_sets_the_hours_and_the_chat_offers_only_those()
    {
        using var admin = await PortalClient.AsNewAccountAsync(Factory, "admin@leipzig.example", PortalRole.CentreAdmin, "iq-sn-leipzig");
        var fields = new Dictionary<string, string>
        {
            ["id"] = "iq-sn-leipzig", ["hours-mon"] = "", ["hours-tue"] = "", ["hours-wed"] = "10:00-12:00", ["hours-thu"] = "", ["hours-fri"] = "",
            ["hours-sat"] = "", ["hours-sun"] = "", ["capacity"] = "1", ["session"] = "60", ["languages"] = "de, en, ar",
        };

        using (var wrong = await admin.PostFormAsync("/portal/centre", "/portal/centre", new Dictionary<string, string>(fields) { ["hours-wed"] = "12:00-10:00" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
            Assert.Contains("problem=", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var saved = await admin.PostFormAsync("/portal/centre", "/portal/centre", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains("done=1", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var (booking, _) = await PortalSeed.BookAsync(Factory, Api, "04109", "Amira Leipzig");

        Assert.Equal("iq-sn-leipzig", booking.CentreId);
        var start = SlotPlanner.ToBerlin(booking.Start!.Value);
        Assert.Equal(DayOfWeek.Wednesday, start.DayOfWeek);
        Assert.InRange(start.Hour, 10, 11);
        Assert.Equal(TimeSpan.FromMinutes(60), booking.End!.Value - booking.Start.Value);

        // An advisor may not change the centre.
        using var advisor = await PortalClient.AsNewAccountAsync(Factory, "advisor@leipzig.example", PortalRole.Advisor, "iq-sn-leipzig");
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync("/portal/centre")).Status);
    }
}
