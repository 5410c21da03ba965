using IqTriageBot.Domain.Bookings;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IqTriageBot.Tests.Portal;

/// <summary>Bookings made the way a person makes them: a whole triage over Direct Line, then the first offered time.</summary>
public static class PortalSeed
{
    /// <summary>A nurse trained in Syria, living at <paramref name="postcode"/>, asking for bridge training; books under <paramref name="name"/>.</summary>
    public static string[] Nurse(string postcode, string name) =>
    [
        "English", "yes", "I live in Germany", postcode, "Training after a notice", "Done", "Vocational training", "nurse", "Syria",
        "Yes, abroad", "Partial, measure needed", "Refugee or protection", "Refugee, protection", "No benefits", "B1", "English",
        "In person", "Only in this chat", "Yes, all correct", "Yes", name,
    ];

    public static async Task<(Booking Booking, string ConversationId)> BookAsync(TriageBotFactory factory, DirectLineApi api, string postcode, string name, string user = "user-1")
    {
        var conversation = await api.StartWithUserAsync(user);
        foreach (var answer in Nurse(postcode, name))
        {
            await api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, answer, user);
        }

        var slots = (await api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities.Last(a => a!["from"]?["id"]?.GetValue<string>() == "iqtriagebot")!;
        Assert.Equal("booking.slots", ReplyKeys.Identify(slots).Key);
        var time = slots["suggestedActions"]!["actions"]!.AsArray()[^2]!["value"]!.GetValue<string>();
        await api.PostMessageAsync(conversation.ConversationId, TriageBotFactory.Secret, time, user);
        var confirmation = (await api.GetActivitiesAsync(conversation.ConversationId, TriageBotFactory.Secret)).Activities.Last(a => ReplyKeys.Identify(a).Key == "booking.confirmed")!;
        var reference = BookingReference.Find(confirmation["text"]!.GetValue<string>())!;
        var booking = await factory.Services.GetRequiredService<IBookingStore>().FindAsync(reference, CancellationToken.None);
        return (booking!, conversation.ConversationId);
    }
}
