using System.ComponentModel.DataAnnotations;
using IqTriageBot.Dialogs;
using IqTriageBot.Domain.Bookings;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Bookings;

/// <summary>Booking settings (configuration section "Booking").</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Public base URL for links in messages (calendar files); empty: DirectLine:PublicBaseUrl, else the first of Urls.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long before an appointment the reminder goes out.</summary>
    [Range(1, 168)]
    public int ReminderHoursBefore { get; set; } = 24;

    /// <summary>How often the reminder service looks for due reminders.</summary>
    [Range(5, 3600)]
    public int ReminderScanSeconds { get; set; } = 60;
}

public static class BookingSetup
{
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IBookingStore, SqliteBookingStore>();
        services.AddSingleton(sp =>
        {
            var live = sp.GetRequiredService<LiveContent>();
            return new BookingDesk(() => live.Content.Data.Centres, sp.GetRequiredService<IBookingStore>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<CalendarLinks>();
        services.AddSingleton<ProactiveMessages>();
        services.AddSingleton<BookingNotifications>();
        services.AddHostedService<ReminderService>();
        return services;
    }
}
