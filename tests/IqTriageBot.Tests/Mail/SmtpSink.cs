using System.Diagnostics;
using IqTriageBot.Tests.Infrastructure;
using MimeKit;

namespace IqTriageBot.Tests.Mail;

/// <summary>
/// The real SMTP server the mail tests send to: scripts/smtp-sink.py, which stores every message as a .eml
/// file. scripts/test.sh starts it and exports IQ_TEST_SMTP_HOST, IQ_TEST_SMTP_PORT and IQ_TEST_SMTP_MAILDIR;
/// without those variables (a run of dotnet test on its own) the tests start the same script themselves.
/// Tests share one sink and tell their messages apart by booking reference.
/// </summary>
public sealed class SmtpSink
{
    private static readonly Lazy<SmtpSink> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private SmtpSink(string host, int port, string maildir)
    {
        Host = host;
        Port = port;
        MailDir = maildir;
    }

    public static SmtpSink Instance => Shared.Value;

    public string Host { get; }

    public int Port { get; }

    public string MailDir { get; }

    /// <summary>Host settings that send to this sink, plain SMTP, the Leipzig centre's mails to a fixed test address.</summary>
    public Dictionary<string, string?> Settings(int? port = null) => new()
    {
        ["Smtp:Host"] = Host,
        ["Smtp:Port"] = (port ?? Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:FromAddress"] = "iqtriagebot@test.example",
        ["Smtp:FromName"] = "IQ Triage Test",
        ["Smtp:CentreRecipients:iq-sn-leipzig"] = LeipzigAddress,
        ["Smtp:FallbackRecipient"] = "operator@test.example",
        ["Smtp:TimeoutSeconds"] = "10",
    };

    public const string LeipzigAddress = "erstberatung-leipzig@test.example";

    /// <summary>Every message received so far whose X-Booking-Reference header is <paramref name="reference"/>.</summary>
    public IReadOnlyList<MimeMessage> For(string reference)
    {
        var found = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(MailDir, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = MimeMessage.Load(file);
            if (message.Headers["X-Booking-Reference"] == reference)
            {
                found.Add(message);
            }
            else
            {
                message.Dispose();
            }
        }

        return found;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages about the booking arrived (or fails after a generous time).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string reference, int count = 1, Action? poke = null)
    {
        for (var i = 0; i < 600; i++)
        {
            var messages = For(reference);
            if (messages.Count >= count)
            {
                return messages;
            }

            poke?.Invoke();
            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"The SMTP sink at {Host}:{Port} received no {count} message(s) for booking {reference} (maildir {MailDir}).");
    }

    private static SmtpSink Start()
    {
        var host = Environment.GetEnvironmentVariable("IQ_TEST_SMTP_HOST");
        var port = Environment.GetEnvironmentVariable("IQ_TEST_SMTP_PORT");
        var maildir = Environment.GetEnvironmentVariable("IQ_TEST_SMTP_MAILDIR");
        if (!string.IsNullOrEmpty(host) && int.TryParse(port, out var given) && !string.IsNullOrEmpty(maildir))
        {
            return new SmtpSink(host, given, maildir);
        }

        // No sink from scripts/test.sh: start the same script for this test run.
        var folder = Path.Combine(Path.GetTempPath(), "iqtriagebot-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var portFile = Path.Combine(folder, "port");
        var script = Path.Combine(RepoPaths.Root, "scripts", "smtp-sink.py");
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            throw new InvalidOperationException(NotAvailable("there is no /usr/bin/python3"));
        }

        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "--maildir", Path.Combine(folder, "mail"), "--port", "0", "--port-file", portFile })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException(NotAvailable("it could not be started"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Ended already.
            }
        };
        for (var i = 0; i < 200 && !File.Exists(portFile); i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(NotAvailable(process.StandardError.ReadToEnd()));
            }

            Thread.Sleep(50);
        }

        if (!File.Exists(portFile))
        {
            throw new InvalidOperationException(NotAvailable("it did not report a port within 10 seconds"));
        }

        return new SmtpSink("127.0.0.1", int.Parse(File.ReadAllText(portFile), System.Globalization.CultureInfo.InvariantCulture), Path.Combine(folder, "mail"));
    }

    private static string NotAvailable(string why) =>
        $"The SMTP sink (scripts/smtp-sink.py) is not available: {why.Trim()}. Run the tests with scripts/test.sh, which installs python3-aiosmtpd and starts the sink.";
}
