using System.Net;
using System.Text.Json.Nodes;
using IqTriageBot.Host.Bookings;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IqTriageBot.Tests.Bookings;

/// <summary>
/// A whole triage over Direct Line to a booking: the calendar file behind the link, the reminder the day
/// before on the same conversation, and cancelling by reference.
/// </summary>
public class BookingOverDirectLineTests : IntegrationTest
{
    private static readonly string[] NurseInLeipzig =
    [
        "English", "yes", "I live in Germany", "04109", "Training after a notice", "Done", "Vocational training", "nurse", "Syria",
        "Yes, abroad", "Partial, measure needed", "Refugee or protection", "Refugee, protection", "No benefits", "B1", "English",
        "In person", "Only in this chat", "Yes, all correct", "Yes", "Amira",
    ];

    [Fact]
    public async Task Book_download_the_calendar_get_reminded_and_cancel()
    {
        var conversation = await Api.StartWithUserAsync();
        var watermark = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Watermark;
        foreach (var answer in NurseInLeipzig)
        {
            await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, answer);
        }

        var slots = await LastBotAsync(conversation.ConversationId);
        Assert.Equal("booking.slots", ReplyKeys.Identify(slots).Key);
        // The last offered time: far enough ahead for a reminder the day before.
        var first = slots["suggestedActions"]!["actions"]!.AsArray()[^2]!["value"]!.GetValue<string>();

        await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, first);
        var page = await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret);
        var confirmation = page.Activities.Last(a => ReplyKeys.Identify(a).Key == "booking.confirmed")!;
        var text = confirmation["text"]!.GetValue<string>();
        var link = text.Split(' ', '\n').Single(w => w.Contains("/calendar.ics", StringComparison.Ordinal));
        var reference = IqTriageBot.Domain.Bookings.BookingReference.Find(text)!;

        // The calendar file: the appointment, the centre and the reference, no name.
        var ics = await Http.GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART", ics, StringComparison.Ordinal);
        Assert.Contains(reference, ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Amira", ics, StringComparison.Ordinal);
        using var forged = await Http.GetAsync($"/api/bookings/{reference}/calendar.ics?k=0000");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // The day before, the reminder arrives in this conversation, once (the service's own timer may send it
        // as soon as the clock moves; a scan right after then finds nothing more to send).
        var booking = (await Factory.Services.GetRequiredService<IqTriageBot.Domain.Bookings.IBookingStore>().FindAsync(reference, CancellationToken.None))!;
        var reminders = Factory.Services.GetServices<IHostedService>().OfType<ReminderService>().Single();
        Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
        Factory.Clock.SetUtcNow(booking.Start!.Value.AddHours(-20));
        await reminders.SendDueAsync(CancellationToken.None);
        Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
        var sent = (await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities
            .Where(a => a!["from"]?["id"]?.GetValue<string>() == "iqtriagebot" && ReplyKeys.Identify(a).Key == "booking.reminder").ToList();
        var reminder = Assert.Single(sent)!;
        Assert.Equal("en", ReplyKeys.Identify(reminder).Language);
        Assert.Contains(reference, reminder["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Cancelling by reference frees the time; the calendar link then says it is gone.
        await Api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, $"cancel {reference}");
        Assert.Equal("booking.cancelled", ReplyKeys.Identify((await Api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities
            .Last(a => ReplyKeys.Identify(a).Key.StartsWith("booking.", StringComparison.Ordinal))).Key);
        using var gone = await Http.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.NotNull(watermark);
    }

    private async Task<JsonNode> LastBotAsync(string conversationId) =>
        (await Api.GetActivitiesAsync(conversationId, TriageBotFactory.Secret)).Activities.Last(a => a!["from"]?["id"]?.GetValue<string>() == "iqtriagebot")!;
}
