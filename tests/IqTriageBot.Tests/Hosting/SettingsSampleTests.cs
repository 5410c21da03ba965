using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using IqTriageBot.Host.Channels.BotService;
using IqTriageBot.Host.Channels.DirectLine;
using IqTriageBot.Host.Hosting;
using IqTriageBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace IqTriageBot.Tests.Hosting;

/// <summary>appsettings.sample.json documents every setting; these tests keep it in step with the options classes.</summary>
public class SettingsSampleTests
{
    /// <summary>Configuration sections of the sample and the options class each one binds to.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [StorageOptions.Section] = typeof(StorageOptions),
        [DialogsOptions.Section] = typeof(DialogsOptions),
        [DirectLineOptions.Section] = typeof(DirectLineOptions),
        [BotServiceOptions.Section] = typeof(BotServiceOptions),
        [TriageOptions.Section] = typeof(TriageOptions),
        [IqTriageBot.Host.Bookings.BookingOptions.Section] = typeof(IqTriageBot.Host.Bookings.BookingOptions),
        [IqTriageBot.Host.Mail.SmtpOptions.Section] = typeof(IqTriageBot.Host.Mail.SmtpOptions),
        [IqTriageBot.Host.Channels.Telegram.TelegramOptions.Section] = typeof(IqTriageBot.Host.Channels.Telegram.TelegramOptions),
        [IqTriageBot.Host.Channels.WhatsApp.WhatsAppOptions.Section] = typeof(IqTriageBot.Host.Channels.WhatsApp.WhatsAppOptions),
        [IqTriageBot.Host.Translation.TranslationOptions.Section] = typeof(IqTriageBot.Host.Translation.TranslationOptions),
    };

    /// <summary>Top-level keys that ASP.NET Core itself reads rather than an options class of this app.</summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase) { "Urls", "Logging", "AllowedHosts" };

    private static readonly IConfiguration Sample = new ConfigurationBuilder().AddJsonFile(RepoPaths.SettingsSample, optional: false).Build();

    public static TheoryData<string> SectionNames => new(Sections.Keys);

    [Theory]
    [MemberData(nameof(SectionNames))]
    public void Section_binds_without_unknown_keys_and_passes_validation(string section)
    {
        var type = Sections[section];

        var options = Sample.GetSection(section).Get(type, binder => binder.ErrorOnUnknownConfiguration = true);

        Assert.NotNull(options);
        var results = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true),
            string.Join("; ", results.Select(r => r.ErrorMessage)));
    }

    [Fact]
    public void Every_key_of_the_sample_maps_to_a_settable_property()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.SettingsSample));
        var unmapped = new List<string>();

        foreach (var section in document.RootElement.EnumerateObject())
        {
            if (HostKeys.Contains(section.Name))
            {
                continue;
            }

            if (!Sections.TryGetValue(section.Name, out var type))
            {
                unmapped.Add(section.Name);
                continue;
            }

            CollectUnmapped(section.Value, type, section.Name, unmapped);
        }

        Assert.Empty(unmapped);
    }

    [Fact]
    public void Every_options_section_appears_in_the_sample()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.SettingsSample));
        var present = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(Sections.Keys, section => Assert.Contains(section, present));
    }

    [Fact]
    public void Sample_values_reach_the_options()
    {
        var directLine = Sample.GetSection(DirectLineOptions.Section).Get<DirectLineOptions>()!;

        Assert.Equal(3600, directLine.TokenLifetimeSeconds);
        Assert.Equal(["https://www.example.org"], directLine.AllowedOrigins);
        Assert.Equal(4 * 1024 * 1024, directLine.MaxUploadBytes);
    }

    private static void CollectUnmapped(JsonElement json, Type type, string path, List<string> unmapped)
    {
        foreach (var entry in json.EnumerateObject())
        {
            var property = type.GetProperty(entry.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.SetMethod is not { IsPublic: true })
            {
                unmapped.Add($"{path}:{entry.Name}");
                continue;
            }

            // A dictionary (for example centre id -> addresses) takes any key.
            if (entry.Value.ValueKind == JsonValueKind.Object && !typeof(System.Collections.IDictionary).IsAssignableFrom(property.PropertyType))
            {
                CollectUnmapped(entry.Value, property.PropertyType, $"{path}:{entry.Name}", unmapped);
            }
        }
    }
}
