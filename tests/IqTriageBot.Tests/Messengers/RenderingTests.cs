using System.Text.Json.Nodes;
using IqTriageBot.Dialogs;
using IqTriageBot.Host.Channels.Telegram;
using IqTriageBot.Host.Channels.WhatsApp;
using IqTriageBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IqTriageBot.Tests.Messengers;

/// <summary>The renderers' choice between buttons, lists and numbered text, and the platform limits, on made-up replies.</summary>
public class RenderingTests : MessengerTest
{
    private static readonly LanguageInfo Ukrainian = new("uk", "Українська", "Ukrainian", "Ukrainisch", false, "uk-UA");

    private static Reply ReplyWith(string text, params string[] labels) =>
        new("test.key", text, Ukrainian, labels.Select((l, i) => new Choice("c" + i, l)).ToList()) { NumberHint = "Номер?" };

    [Fact]
    public async Task Long_labels_make_a_list_with_whole_labels_as_descriptions_and_the_id_leads_back_to_the_label()
    {
        var labels = new[] { "Визнання професійної кваліфікації", "Робота", "Навчання" };

        var calls = await RenderWhatsAppAsync(ReplyWith("Чим допомогти?", labels));

        var message = JsonNode.Parse(Assert.Single(calls).Payload)!;
        Assert.Equal("list", message["interactive"]!["type"]!.GetValue<string>());
        var rows = message["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.Equal(24, rows[0]!["title"]!.GetValue<string>().Length);
        Assert.Equal(labels[0], rows[0]!["description"]!.GetValue<string>());
        Assert.Null(rows[1]!["description"]);
        Assert.Equal("Вибрати", message["interactive"]!["action"]!["button"]!.GetValue<string>());
        Assert.Equal(labels[0], await Store.FindButtonAsync("whatsapp", "US.1", rows[0]!["id"]!.GetValue<string>(), CancellationToken.None));
    }

    [Fact]
    public async Task More_than_ten_choices_are_numbered_text_and_long_bodies_go_ahead_as_text()
    {
        var many = await RenderWhatsAppAsync(ReplyWith("Мова?", Enumerable.Range(1, 11).Select(i => "Мова " + i).ToArray()));
        var numbered = JsonNode.Parse(Assert.Single(many).Payload)!;
        Assert.Equal("text", numbered["type"]!.GetValue<string>());
        Assert.Contains("\n11. Мова 11", numbered["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Номер?", numbered["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);

        var longText = string.Join("\n\n", Enumerable.Repeat(new string('щ', 300), 5));
        var calls = await RenderWhatsAppAsync(ReplyWith(longText, "Так", "Ні"));
        Assert.Equal(2, calls.Count);
        var first = JsonNode.Parse(calls[0].Payload)!;
        var last = JsonNode.Parse(calls[1].Payload)!;
        Assert.Equal("text", first["type"]!.GetValue<string>());
        Assert.Equal("button", last["interactive"]!["type"]!.GetValue<string>());
        Assert.InRange(last["interactive"]!["body"]!["text"]!.GetValue<string>().Length, 1, WhatsAppRenderer.MaxBody);
        Assert.All(calls, c => Assert.Equal(PhoneNumberId, c.Method));
    }

    [Fact]
    public async Task Telegram_keyboard_is_on_the_last_part_of_a_long_text()
    {
        var renderer = Factory.Services.GetRequiredService<TelegramRenderer>();
        var text = string.Join("\n", Enumerable.Repeat(new string('ж', 1000), 9));

        var calls = await renderer.RenderAsync("42", [ReplyWith(text, "Так", "Ні")], CancellationToken.None);

        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("sendMessage", c.Method));
        var parts = calls.Select(c => JsonNode.Parse(c.Payload)!).ToList();
        Assert.All(parts, p => Assert.InRange(p["text"]!.GetValue<string>().Length, 1, TelegramRenderer.MaxText));
        Assert.All(parts.SkipLast(1), p => Assert.Null(p["reply_markup"]));
        Assert.Equal(2, parts[^1]["reply_markup"]!["inline_keyboard"]!.AsArray().Count);
        Assert.Equal(42, parts[^1]["chat_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Processed_ids_are_forgotten_only_when_pruned()
    {
        var now = Factory.Clock.GetUtcNow();
        Assert.True(await Store.TryMarkSeenAsync("telegram", "1", now, CancellationToken.None));
        Assert.False(await Store.TryMarkSeenAsync("telegram", "1", now, CancellationToken.None));
        Assert.True(await Store.TryMarkSeenAsync("whatsapp", "1", now, CancellationToken.None));

        Assert.Equal(0, await Store.PruneSeenAsync(now.AddSeconds(-1), CancellationToken.None));
        Assert.Equal(2, await Store.PruneSeenAsync(now.AddSeconds(1), CancellationToken.None));
        Assert.True(await Store.TryMarkSeenAsync("telegram", "1", now, CancellationToken.None));
    }

    private IMessengerStore Store => Factory.Services.GetRequiredService<IMessengerStore>();

    private Task<IReadOnlyList<(string Method, string Payload)>> RenderWhatsAppAsync(Reply reply) =>
        Factory.Services.GetRequiredService<WhatsAppRenderer>().RenderAsync("US.1", "16505551234", PhoneNumberId, [reply], CancellationToken.None);
}
