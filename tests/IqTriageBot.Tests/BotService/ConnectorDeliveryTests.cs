using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Host.Channels.BotService;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Tests.Infrastructure;
using IqTriageBot.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IqTriageBot.Tests.BotService;

/// <summary>Bot → Connector: retries on throttling and server errors, and the whole nurse story on Teams up to the reminder.</summary>
public class ConnectorDeliveryTests : ConnectorTest
{
    [Fact]
    public async Task Throttled_reply_is_sent_again_after_retry_after()
    {
        Fake.Script((429, "1"));

        using var response = await PostAsync(Activity("conversationUpdate", "retry-1"), Fake.ChannelToken(Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DeliveredAsync();
        var received = Fake.Received.ToList();
        Assert.Equal([429, 200, 200], received.Select(r => r.Status));
        Assert.Equal(received[0].Activity.ToJsonString(), received[1].Activity.ToJsonString());
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(Fake.Messages()));
    }

    [Fact]
    public async Task Two_server_errors_then_success_delivers_once_in_order()
    {
        Fake.Script((500, null), (503, null));

        using var response = await PostAsync(Activity("conversationUpdate", "retry-2"), Fake.ChannelToken(Now));

        await DeliveredAsync();
        Assert.Equal([500, 503, 200, 200], Fake.Received.Select(r => r.Status));
        Assert.Equal([TextKeys.Greeting, TextKeys.ChooseLanguage], ReplyKeys.KeysOf(Fake.Messages()));
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_attempts_are_bounded()
    {
        Fake.Script((404, null), (503, null), (503, null), (503, null), (503, null));

        using var response = await PostAsync(Activity("conversationUpdate", "retry-3"), Fake.ChannelToken(Now));

        await DeliveredAsync();
        // The greeting: 404, dropped. The language question: four attempts (the configured bound), then given up.
        Assert.Equal([404, 503, 503, 503, 503], Fake.Received.Select(r => r.Status));
        Assert.Empty(Fake.Messages());
    }

    [Fact]
    public void Retry_after_is_read_in_milliseconds_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2025, 3, 2, 10, 15, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(12));
        using var milliseconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        milliseconds.Headers.TryAddWithoutValidation("retry-after-ms", "250");
        using var none = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorReplies.RetryAfter(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorReplies.RetryAfter(date, now));
        Assert.Equal(TimeSpan.FromMilliseconds(250), ConnectorReplies.RetryAfter(milliseconds, now));
        Assert.Null(ConnectorReplies.RetryAfter(none, now));
        Assert.False(ConnectorReplies.Retryable(HttpStatusCode.BadRequest));
        Assert.True(ConnectorReplies.Retryable(HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Whole_triage_and_booking_on_teams_then_reminder_and_cancellation_arrive_proactively()
    {
        const string conversation = "a:1nurse-story";
        using (var greeted = await PostAsync(Activity("conversationUpdate", conversation), Fake.ChannelToken(Now)))
        {
            Assert.Equal(HttpStatusCode.OK, greeted.StatusCode);
        }

        var n = 0;
        foreach (var answer in PortalSeed.Nurse("04109", "Amira"))
        {
            using var answered = await PostAsync(Activity("message", conversation, id: $"msg|{++n:D4}", text: answer), Fake.ChannelToken(Now));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        await DeliveredAsync();
        var slots = Fake.Messages()[^1];
        Assert.Equal("booking.slots", ReplyKeys.Identify(slots).Key);
        var time = slots["suggestedActions"]!["actions"]!.AsArray()[^2]!["value"]!.GetValue<string>();
        using (var chosen = await PostAsync(Activity("message", conversation, id: "msg|final", text: time), Fake.ChannelToken(Now)))
        {
            Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        }

        await DeliveredAsync();
        var messages = Fake.Messages();
        var confirmation = messages.Last(a => ReplyKeys.Identify(a).Key == "booking.confirmed");
        Assert.Equal("msg|final", confirmation["replyToId"]!.GetValue<string>());
        Assert.All(Fake.Received, r => Assert.StartsWith("Bearer connector-token-", r.Authorization, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Equal("en", ReplyKeys.Identify(m).Language));
        Assert.Equal(n + 1, Fake.Received.Count(r => r.Activity["type"]!.GetValue<string>() == "typing"));

        var reference = BookingReference.Find(confirmation["text"]!.GetValue<string>())!;
        var booking = (await Factory.Services.GetRequiredService<IBookingStore>().FindAsync(reference, CancellationToken.None))!;
        Assert.Equal("msteams", booking.Address.ChannelId);
        Assert.Equal(conversation, booking.Address.ConversationId);

        // The day before: the reminder goes to the conversation (send-to-conversation, no replyToId) with the bot's token.
        var before = Fake.Received.Count;
        var reminders = Factory.Services.GetServices<IHostedService>().OfType<ReminderService>().Single();
        Factory.Clock.SetUtcNow(booking.Start!.Value.AddHours(-20));
        await reminders.SendDueAsync(CancellationToken.None);
        var reminder = await ArrivesAsync(before, "booking.reminder");
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversation)}/activities", reminder.RawPath);
        Assert.StartsWith("Bearer connector-token-", reminder.Authorization, StringComparison.Ordinal);
        Assert.Null(reminder.Activity["replyToId"]);
        Assert.Equal("29:user-1", reminder.Activity["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", reminder.Activity["conversation"]!["tenantId"]!.GetValue<string>());
        Assert.Contains(reference, reminder.Activity["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // The centre cancels in the portal: the same proactive route.
        before = Fake.Received.Count;
        var engine = Factory.Services.GetRequiredService<LiveContent>().Engine;
        Assert.True(await Factory.Services.GetRequiredService<ProactiveMessages>().SendAsync(booking.Address, engine.Cancellation(booking), CancellationToken.None));
        var cancelled = await ArrivesAsync(before, TextKeys.BookingCancelled);
        Assert.Contains(reference, cancelled.Activity["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proactive_message_to_an_unknown_conversation_is_not_sent()
    {
        using var greeted = await PostAsync(Activity("conversationUpdate", "known"), Fake.ChannelToken(Now));
        await DeliveredAsync();
        var before = Fake.Received.Count;
        var engine = Factory.Services.GetRequiredService<LiveContent>().Engine;
        var address = new ConversationAddress("msteams", "never-seen", "29:x", Fake.ServiceUrl, "en");

        var delivered = await Factory.Services.GetRequiredService<ProactiveMessages>().SendAsync(address, engine.Apology(null), CancellationToken.None);

        Assert.False(delivered);
        Assert.Equal(before, Fake.Received.Count);
    }

    /// <summary>The first activity with this key that arrived after the first <paramref name="skip"/> (the reminder service's own timer may be the one sending).</summary>
    private async Task<ReceivedActivity> ArrivesAsync(int skip, string key)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var match = Fake.Received.Skip(skip).FirstOrDefault(r => r.Status < 300 && r.Activity["type"]!.GetValue<string>() == "message" && ReplyKeys.Identify((JsonNode)r.Activity).Key == key);
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(50, guard.Token);
        }
    }
}
