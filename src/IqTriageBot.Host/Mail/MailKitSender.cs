using System.Net.Sockets;
using IqTriageBot.Domain.Mail;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IqTriageBot.Host.Mail;

/// <summary>Hands a mail to the SMTP server.</summary>
public interface IMailSender
{
    /// <summary>Sends the mail; throws when the server did not accept it.</summary>
    Task SendAsync(OutboxEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// Sends through SMTP with MailKit: multipart/alternative with the plain text and the HTML, and the calendar
/// invitation as a text/calendar attachment (its method, REQUEST or CANCEL, in the content type).
/// </summary>
public sealed class MailKitSender(IOptions<SmtpOptions> options) : IMailSender
{
    public async Task SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var message = Build(entry, smtp);
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), smtp.Port, Map(smtp.Security), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The MIME message of an outbox entry.</summary>
    public static MimeMessage Build(OutboxEntry entry, SmtpOptions smtp)
    {
        var mail = entry.Mail;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        foreach (var recipient in mail.Recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = mail.Subject;
        message.Date = entry.CreatedAt;
        var domain = smtp.FromAddress[(smtp.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];
        message.MessageId = $"{entry.Id}@{domain}";
        if (mail.BookingReference is { } reference)
        {
            message.Headers.Add("X-Booking-Reference", reference);
        }

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>What went wrong, in words that never carry addresses or message content (for the outbox and the logs).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"SMTP {(int)command.StatusCode} ({command.ErrorCode})",
        SmtpProtocolException => "SMTP protocol error",
        AuthenticationException => "SMTP authentication failed",
        SslHandshakeException => "TLS handshake failed",
        SocketException socket => $"connection failed ({socket.SocketErrorCode})",
        TimeoutException or OperationCanceledException => "timed out",
        ServiceNotConnectedException => "connection lost",
        IOException => "connection lost",
        _ => exception.GetType().Name,
    };

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
