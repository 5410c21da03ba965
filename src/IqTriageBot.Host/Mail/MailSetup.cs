using IqTriageBot.Domain.Mail;
using IqTriageBot.Host.Bot;
using IqTriageBot.Storage;

namespace IqTriageBot.Host.Mail;

public static class MailSetup
{
    /// <summary>Mails to the centres: the SMTP settings, the SQLite outbox, its delivery in the background and its erasure with a conversation.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMailOutbox, SqliteMailOutbox>();
        services.AddSingleton<IMailSender, MailKitSender>();
        services.AddSingleton<BookingMails>();
        services.AddSingleton<MailDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDelivery>());
        services.AddSingleton<IConversationDataHolder, OutboxEraser>();
        return services;
    }

    /// <summary>"Delete my data" removes the mails about the conversation from the outbox, sent or not.</summary>
    private sealed class OutboxEraser(IMailOutbox outbox) : IConversationDataHolder
    {
        public Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            outbox.DeleteForConversationAsync(channelId, conversationId, cancellationToken);
    }
}
