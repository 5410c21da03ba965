using System.Net;
using System.Text;
using Ical.Net;
using IqTriageBot.Domain.Advisors;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Mail;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Bot;
using IqTriageBot.Host.Mail;
using IqTriageBot.Tests.Infrastructure;
using IqTriageBot.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IqTriageBot.Tests.Mail;

/// <summary>
/// The centre's mail about a booking made in the chat, received by a real SMTP server (scripts/smtp-sink.py)
/// and read back with MimeKit and Ical.Net: German intake with the person's own answers, text and HTML, the
/// calendar invitation; sent once, kept through an outage and a restart, cancelled with the same UID, shown in
/// the portal to the right people only, erased with the conversation, and never in the log.
/// </summary>
public sealed class CentreMailTests : IAsyncLifetime, IDisposable
{
    private const string Name = "Amira Leipzig";

    private readonly SmtpSink _sink = SmtpSink.Instance;
    private TriageBotFactory _factory = null!;
    private DirectLineApi _api = null!;

    public Task InitializeAsync()
    {
        _factory = new TriageBotFactory(_sink.Settings());
        _api = new DirectLineApi(_factory.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _api.Http.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose()
    {
        _factory.Dispose();
    }

    [Fact]
    public async Task A_booking_in_the_chat_mails_the_German_intake_with_the_invitation_once()
    {
        var (booking, _) = await PortalSeed.BookAsync(_factory, _api, "04109", Name);

        using var message = Assert.Single(await _sink.WaitForAsync(booking.Reference));
        Assert.Equal([SmtpSink.LeipzigAddress], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("iqtriagebot@test.example", message.From.Mailboxes.Single().Address);
        Assert.StartsWith("Neuer Termin ", message.Subject, StringComparison.Ordinal);
        Assert.Contains(booking.Reference, message.Subject, StringComparison.Ordinal);
        Assert.Contains(IqTriageBot.Host.Advisors.IntakeDocuments.FormatWhen(booking.Start!.Value, "de"), message.Subject, StringComparison.Ordinal);

        // Text and HTML side by side, the calendar beside them.
        var alternative = message.BodyParts.OfType<TextPart>().ToList();
        var text = Assert.Single(alternative, p => p.IsPlain).Text;
        var html = Assert.Single(alternative, p => p.IsHtml).Text;
        Assert.True(message.Body is Multipart { ContentType.MediaSubtype: "mixed" } mixed && mixed[0] is MultipartAlternative, $"unexpected structure {message.Body.ContentType.MimeType}");

        foreach (var expected in new[]
                 {
                     "Intake zur Erstberatung", "Person und Kontakt", "Wohnort und Aufenthalt", "Qualifikation", "Sprache und Beratungsform", "Termin",
                     "Name: " + Name, "PLZ / Ort / Land: 04109, Sachsen", "Höchster Abschluss: Berufsausbildung", "Original (Englisch): Vocational training",
                     "Beruf (Angabe der Person): „nurse“ (Englisch)", "Pflegefachmann/Pflegefachfrau", "Land des Abschlusses: Syrien", "Deutschkenntnisse: B1",
                     "Buchungsnummer: " + booking.Reference,
                 })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"text part lacks \"{expected}\":\n{text}");
        }

        Assert.Contains("<h2>Qualifikation</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"original\">Original (Englisch): <bdi lang=\"en\" dir=\"auto\">Vocational training</bdi></span>", html, StringComparison.Ordinal);
        Assert.Contains(booking.Reference, html, StringComparison.Ordinal);

        var invitation = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", invitation.ContentType.MimeType);
        Assert.Equal("REQUEST", invitation.ContentType.Parameters["method"]);
        var calendar = Calendar.Load(Read(invitation))!;
        Assert.Equal("REQUEST", calendar.Method);
        var appointment = Assert.Single(calendar.Events);
        Assert.Equal($"{booking.Id}@iqtriagebot", appointment.Uid);
        Assert.Equal(booking.Start!.Value.UtcDateTime, appointment.DtStart!.AsUtc);
        Assert.Equal(booking.End!.Value.UtcDateTime, appointment.DtEnd!.AsUtc);
        Assert.Equal("mailto:" + SmtpSink.LeipzigAddress, Assert.Single(appointment.Attendees).Value?.OriginalString);

        // A retried booking turn asks again: nothing new is queued or sent.
        await _factory.Services.GetRequiredService<BookingNotifications>().BookedAsync(booking, CancellationToken.None);
        Assert.Equal(0, await _factory.Services.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None));
        var entry = await SentAsync(_factory, booking.Reference);
        Assert.Single(await OutboxAsync(booking.Reference));
        Assert.Equal(1, entry.Attempts);
        Assert.Single(_sink.For(booking.Reference));

        // The log knows ids and counts, never the person or the address.
        Assert.Contains(_factory.Logs.Lines, line => line.Contains("[4000]", StringComparison.Ordinal));
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(Name, StringComparison.Ordinal) || line.Contains("Amira", StringComparison.Ordinal) || line.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_in_the_chat_mails_a_cancellation_with_the_same_uid()
    {
        var (booking, conversationId) = await PortalSeed.BookAsync(_factory, _api, "04109", Name);
        await _sink.WaitForAsync(booking.Reference);

        await _api.PostMessageAsync(conversationId, TriageBotFactory.Secret, $"cancel {booking.Reference}");

        var messages = await _sink.WaitForAsync(booking.Reference, 2);
        using var cancellation = Assert.Single(messages, m => m.Subject?.StartsWith("Abgesagt", StringComparison.Ordinal) == true);
        Assert.Contains("im Chat abgesagt", cancellation.TextBody, StringComparison.Ordinal);
        var part = Assert.Single(cancellation.Attachments.OfType<MimePart>());
        Assert.Equal("CANCEL", part.ContentType.Parameters["method"]);
        var calendar = Calendar.Load(Read(part))!;
        Assert.Equal("CANCEL", calendar.Method);
        var appointment = Assert.Single(calendar.Events);
        Assert.Equal($"{booking.Id}@iqtriagebot", appointment.Uid);
        Assert.Equal("CANCELLED", appointment.Status);
        Assert.Equal(booking.Start!.Value.UtcDateTime, appointment.DtStart!.AsUtc);
        foreach (var message in messages)
        {
            message.Dispose();
        }
    }

    [Fact]
    public async Task Cancelling_in_the_portal_mails_a_cancellation_too()
    {
        var (booking, _) = await PortalSeed.BookAsync(_factory, _api, "04109", Name);
        (await _sink.WaitForAsync(booking.Reference))[0].Dispose();
        using var advisor = await PortalClient.AsNewAccountAsync(_factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);

        using (var post = await advisor.PostFormAsync($"/portal/bookings/{booking.Reference}", $"/portal/bookings/{booking.Reference}/status", new Dictionary<string, string> { ["status"] = "cancelled" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        }

        var messages = await _sink.WaitForAsync(booking.Reference, 2);
        var cancellation = Assert.Single(messages, m => m.Subject?.StartsWith("Abgesagt", StringComparison.Ordinal) == true);
        Assert.Contains("im Beratungsportal abgesagt", cancellation.TextBody, StringComparison.Ordinal);
        var calendar = Calendar.Load(Read(Assert.Single(cancellation.Attachments.OfType<MimePart>())))!;
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal($"{booking.Id}@iqtriagebot", Assert.Single(calendar.Events).Uid);
        foreach (var message in messages)
        {
            message.Dispose();
        }
    }

    [Fact]
    public async Task Assigning_the_session_mails_the_intake_to_that_advisor_only_once()
    {
        var (booking, _) = await PortalSeed.BookAsync(_factory, _api, "04109", Name);
        (await _sink.WaitForAsync(booking.Reference))[0].Dispose();
        using var admin = await PortalClient.AsNewAccountAsync(_factory, "admin@leipzig.example", PortalRole.CentreAdmin, booking.CentreId);
        using var colleague = await PortalClient.AsNewAccountAsync(_factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);
        using var stranger = await PortalClient.AsNewAccountAsync(_factory, "advisor@stuttgart.example", PortalRole.Advisor, "iq-bw-stuttgart");
        var page = $"/portal/bookings/{booking.Reference}";
        var action = $"/portal/bookings/{booking.Reference}/assign";

        // Someone of another centre cannot take the session.
        using (var refused = await admin.PostFormAsync(page, action, new Dictionary<string, string> { ["advisor"] = "advisor@stuttgart.example" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var assigned = await admin.PostFormAsync(page, action, new Dictionary<string, string> { ["advisor"] = "advisor@leipzig.example" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        }

        // Assigning the same person again sends nothing new.
        using (var again = await admin.PostFormAsync(page, action, new Dictionary<string, string> { ["advisor"] = "advisor@leipzig.example" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var messages = await _sink.WaitForAsync(booking.Reference, 2);
        var personal = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == "advisor@leipzig.example"));
        Assert.Contains("zugewiesen", personal.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pflegefachmann/Pflegefachfrau", personal.TextBody, StringComparison.Ordinal);
        Assert.Contains("Zuständig: advisor@leipzig.example", personal.TextBody, StringComparison.Ordinal);
        Assert.Single(personal.Attachments.OfType<MimePart>());
        await Task.Delay(500);
        Assert.Equal(2, _sink.For(booking.Reference).Count);

        var (_, detail) = await colleague.GetAsync(page);
        Assert.Contains("<option value=\"advisor@leipzig.example\" selected", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("advisor@stuttgart.example", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page)).Status);
        foreach (var message in messages)
        {
            message.Dispose();
        }
    }

    [Fact]
    public async Task The_outbox_page_shows_the_mail_to_the_operator_and_the_centre_only()
    {
        var (booking, _) = await PortalSeed.BookAsync(_factory, _api, "04109", Name);
        (await _sink.WaitForAsync(booking.Reference))[0].Dispose();
        var entry = await SentAsync(_factory, booking.Reference);

        using var @operator = await PortalClient.AsNewAccountAsync(_factory, "operator@ops.example", PortalRole.Operator, null);
        var (status, page) = await @operator.GetAsync("/portal/outbox");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(booking.Reference, page, StringComparison.Ordinal);
        Assert.Contains(SmtpSink.LeipzigAddress, page, StringComparison.Ordinal);
        Assert.Contains("versandt", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/portal/outbox\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await @operator.GetAsync($"/portal/outbox/{entry.Id}")).Status);

        using var own = await PortalClient.AsNewAccountAsync(_factory, "advisor@leipzig.example", PortalRole.Advisor, booking.CentreId);
        Assert.Contains(booking.Reference, (await own.GetAsync("/portal/outbox")).Body, StringComparison.Ordinal);
        var (ownStatus, ownDetail) = await own.GetAsync($"/portal/outbox/{entry.Id}");
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Contains(Name, ownDetail, StringComparison.Ordinal);

        using var other = await PortalClient.AsNewAccountAsync(_factory, "advisor@stuttgart.example", PortalRole.Advisor, "iq-bw-stuttgart");
        var (otherStatus, otherList) = await other.GetAsync("/portal/outbox");
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        Assert.DoesNotContain(booking.Reference, otherList, StringComparison.Ordinal);
        var (detailStatus, detail) = await other.GetAsync($"/portal/outbox/{entry.Id}");
        Assert.Equal(HttpStatusCode.NotFound, detailStatus);
        Assert.DoesNotContain(Name, detail, StringComparison.Ordinal);
        using var admin = await PortalClient.AsNewAccountAsync(_factory, "admin@stuttgart.example", PortalRole.CentreAdmin, "iq-bw-stuttgart");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/portal/outbox/{entry.Id}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.Anonymous(_factory).Http.GetAsync("/portal/outbox")).StatusCode);
    }

    [Fact]
    public async Task Delete_my_data_and_retention_remove_the_mails()
    {
        var (booking, conversationId) = await PortalSeed.BookAsync(_factory, _api, "04109", Name);
        (await _sink.WaitForAsync(booking.Reference)).Single().Dispose();
        var (later, _) = await PortalSeed.BookAsync(_factory, _api, "04109", "Sara Leipzig", "user-2");
        (await _sink.WaitForAsync(later.Reference)).Single().Dispose();
        Assert.Single(await OutboxAsync(booking.Reference));

        await _api.PostMessageAsync(conversationId, TriageBotFactory.Secret, "delete my data");
        var asked = (await _api.GetActivitiesAsync(conversationId, TriageBotFactory.Secret)).Activities.Last(a => a!["suggestedActions"] is not null)!;
        Assert.Equal("delete.confirm", ReplyKeys.Identify(asked).Key);
        var actions = asked["suggestedActions"]!["actions"]!.AsArray();
        var yes = actions.FirstOrDefault(a => a!["title"]?.ToString() == "Yes") ?? throw new Xunit.Sdk.XunitException("no yes button: " + actions.ToJsonString());
        await _api.PostMessageAsync(conversationId, TriageBotFactory.Secret, yes["value"]!.ToString());
        Assert.Equal("delete.done", ReplyKeys.Identify((await _api.GetActivitiesAsync(conversationId, TriageBotFactory.Secret)).Activities.Last(a => a!["from"]?["id"]?.GetValue<string>() == "iqtriagebot")!).Key);

        Assert.Empty(await OutboxAsync(booking.Reference));
        Assert.Single(await OutboxAsync(later.Reference));

        // Past the retention period the other conversation's mail goes too.
        _factory.Clock.Advance(TimeSpan.FromDays(200));
        await _factory.Services.GetRequiredService<RetentionService>().PurgeAsync(CancellationToken.None);
        Assert.Empty(await OutboxAsync(later.Reference));
    }

    [Fact]
    public async Task A_mail_the_server_did_not_take_waits_with_backoff_and_goes_out_after_a_restart()
    {
        using var data = new TempDirectory();
        Booking booking;
        var closed = ClosedPort();
        await using (var outage = new TriageBotFactory(_sink.Settings(closed), data.Path))
        {
            using var http = outage.CreateClient();
            (booking, _) = await PortalSeed.BookAsync(outage, new DirectLineApi(http), "04109", Name);
            var outbox = outage.Services.GetRequiredService<IMailOutbox>();
            OutboxEntry? entry = null;
            for (var i = 0; i < 400 && entry is not { LastError: not null }; i++)
            {
                await Task.Delay(50);
                entry = (await outbox.ListRecentAsync(null, 10, CancellationToken.None)).SingleOrDefault(e => e.Mail.BookingReference == booking.Reference);
            }

            Assert.NotNull(entry);
            Assert.Equal(MailStatus.Queued, entry.Status);
            Assert.Equal(1, entry.Attempts);
            Assert.StartsWith("connection failed", entry.LastError, StringComparison.Ordinal);
            Assert.Equal(outage.Clock.GetUtcNow().AddSeconds(30), entry.NextAttemptAt);
            Assert.Empty(_sink.For(booking.Reference));

            // Not due yet: a pass now sends nothing.
            Assert.Equal(0, await outage.Services.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None));
        }

        await using var restarted = new TriageBotFactory(_sink.Settings(), data.Path);
        using var client = restarted.CreateClient();
        var delivery = restarted.Services.GetRequiredService<MailDelivery>();
        restarted.Clock.Advance(TimeSpan.FromMinutes(1));
        using var message = Assert.Single(await _sink.WaitForAsync(booking.Reference, poke: delivery.Wake));
        Assert.Contains(booking.Reference, message.Subject, StringComparison.Ordinal);
        var sent = await SentAsync(restarted, booking.Reference);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Without_an_SMTP_host_mails_wait_in_the_outbox_and_the_portal_says_so()
    {
        await using var factory = new TriageBotFactory();
        using var http = factory.CreateClient();
        var (booking, _) = await PortalSeed.BookAsync(factory, new DirectLineApi(http), "04109", Name);

        var entry = Assert.Single(await factory.Services.GetRequiredService<IMailOutbox>().ListRecentAsync(null, 10, CancellationToken.None), e => e.Mail.BookingReference == booking.Reference);
        Assert.Equal(MailStatus.Queued, entry.Status);
        Assert.Equal(0, entry.Attempts);
        Assert.Equal(0, await factory.Services.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None));

        using var @operator = await PortalClient.AsNewAccountAsync(factory, "operator@ops.example", PortalRole.Operator, null);
        var (status, page) = await @operator.GetAsync("/portal/outbox");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("kein SMTP-Server eingerichtet", page, StringComparison.Ordinal);
        Assert.Contains("wartet auf Versand", page, StringComparison.Ordinal);
    }

    /// <summary>The outbox entry of the booking once the host has recorded it as sent (the sink has the message a moment before).</summary>
    private static async Task<OutboxEntry> SentAsync(TriageBotFactory factory, string reference)
    {
        var outbox = factory.Services.GetRequiredService<IMailOutbox>();
        OutboxEntry? entry = null;
        for (var i = 0; i < 400 && entry?.Status != MailStatus.Sent; i++)
        {
            entry = Assert.Single(await outbox.ListRecentAsync(null, 100, CancellationToken.None), e => e.Mail.BookingReference == reference && e.Mail.Kind == "booked");
            if (entry.Status != MailStatus.Sent)
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(MailStatus.Sent, entry!.Status);
        return entry;
    }

    private async Task<List<OutboxEntry>> OutboxAsync(string reference) =>
        (await _factory.Services.GetRequiredService<IMailOutbox>().ListRecentAsync(null, 100, CancellationToken.None)).Where(e => e.Mail.BookingReference == reference).ToList();

    private static string Read(MimePart part)
    {
        using var stream = new MemoryStream();
        (part.Content ?? throw new InvalidOperationException("empty attachment")).DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A local port nobody listens on (taken from the system, then released).</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
