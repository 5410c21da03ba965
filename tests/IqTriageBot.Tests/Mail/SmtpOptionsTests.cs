using System.ComponentModel.DataAnnotations;
using IqTriageBot.Host.Mail;

namespace IqTriageBot.Tests.Mail;

/// <summary>Bad SMTP settings stop the host at start with a message naming the setting.</summary>
public sealed class SmtpOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_sending_is_off_without_a_host()
    {
        var options = new SmtpOptions();

        Assert.Empty(Problems(options));
        Assert.False(options.Enabled);
        Assert.True(new SmtpOptions { Host = "smtp.example.org" }.Enabled);
    }

    [Theory]
    [InlineData("not-an-address", null, null, null, "Smtp:FromAddress")]
    [InlineData("bot@example.org", "nobody", null, null, "Smtp:FallbackRecipient")]
    [InlineData("bot@example.org", null, "a@example.org, broken", null, "Smtp:CentreRecipients:iq-sn-leipzig")]
    [InlineData("bot@example.org", null, null, "secret", "Smtp:UserName")]
    public void Bad_values_are_named(string from, string? fallback, string? centre, string? password, string named)
    {
        var options = new SmtpOptions { FromAddress = from, FallbackRecipient = fallback, Password = password };
        if (centre is not null)
        {
            options.CentreRecipients["iq-sn-leipzig"] = centre;
        }

        Assert.Contains(Problems(options), problem => problem.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Port_out_of_range_is_refused()
    {
        Assert.NotEmpty(Problems(new SmtpOptions { Port = 0 }));
        Assert.NotEmpty(Problems(new SmtpOptions { RetryFirstSeconds = 600, RetryMaxSeconds = 60 }));
    }

    private static List<string> Problems(SmtpOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? string.Empty).ToList();
    }
}
