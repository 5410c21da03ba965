using System.Security.Cryptography;
using System.Text;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace IqTriageBot.Host.Bookings;

/// <summary>
/// Links to a booking's calendar file. The link carries a signature of the reference (HMAC with the Direct
/// Line secret), so knowing or guessing a reference is not enough to read an appointment.
/// </summary>
public sealed class CalendarLinks(DirectLineSecret secret, IOptions<BookingOptions> booking, IOptions<DirectLineOptions> directLine, IConfiguration configuration)
{
    public string BaseUrl { get; } = (booking.Value.PublicBaseUrl is { Length: > 0 } own ? own
        : directLine.Value.PublicBaseUrl is { Length: > 0 } shared ? shared
        : configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries)[0] ?? "http://localhost:5080").TrimEnd('/');

    public string For(Booking booking) => $"{BaseUrl}/api/bookings/{booking.Reference}/calendar.ics?k={Signature(booking.Reference)}";

    public bool IsValid(string reference, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(reference)), Encoding.ASCII.GetBytes(signature));

    private string Signature(string reference)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes("calendar:" + secret.Value), Encoding.UTF8.GetBytes(reference));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
