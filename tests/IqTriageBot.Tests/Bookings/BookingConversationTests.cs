using IqTriageBot.Domain.Bookings;
using IqTriageBot.Domain.Intake;
using IqTriageBot.Domain.Routing;
using IqTriageBot.Tests.Infrastructure;

namespace IqTriageBot.Tests.Bookings;

/// <summary>Booking situations that need a prepared calendar: a centre without a free time in the next weeks.</summary>
public sealed class BookingConversationTests : IDisposable
{
    private readonly TestDesk _desk = new();

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task With_no_free_time_in_the_next_weeks_the_waiting_list_is_offered()
    {
        var filler = new ConversationAddress("test", "filler", null, null, "de");
        var booked = 0;
        while ((await _desk.Desk.FindSlotsAsync("iq-sn-leipzig", null, null, 50, CancellationToken.None)) is { Count: > 0 } free)
        {
            foreach (var slot in free)
            {
                for (var seat = 0; seat < slot.FreeSeats; seat++)
                {
                    var draft = new BookingDraft("iq-sn-leipzig", Service.Qualification, slot.Start, CounsellingMode.InPerson, false, null, filler, $"fill-{booked++}");
                    Assert.IsType<BookingResult.Booked>(await _desk.Desk.BookAsync(draft, CancellationToken.None));
                }
            }
        }

        var conversation = new TestConversation(TestEngine.Instance, "de-DE", _desk);
        conversation.Start().Press("de").Press("true").Press("germany").Say("04109").Press("qualification").Press("done")
            .Press("vocational").Say("Krankenschwester").Say("Syrien").Press("abroad").Press("partial").Press("protection").Press("protection")
            .Press("none").Press("b1").Press("de").Press("in-person").Press("chat").Press("correct");
        Assert.Equal("booking.offer", conversation.LastKeys[^1]);

        conversation.Press("true").Say("Amira");
        Assert.Equal(["booking.none_free"], conversation.LastKeys);

        conversation.Press("waitlist");
        Assert.Equal(["booking.waitlisted", "result.after"], conversation.LastKeys);
        var entry = await _desk.Desk.FindLatestAsync(new ConversationAddress("test", conversation.ConversationId, null, null, "de"), CancellationToken.None);
        Assert.Equal(BookingStatus.Waiting, entry!.Status);
        Assert.Equal("Amira", entry.Name);
        Assert.True(booked > 20);
    }
}
