using System.Globalization;
using System.Text;
using IqTriageBot.Host.Channels.Messengers;

namespace IqTriageBot.Tests.Messengers;

/// <summary>Labels and texts within platform limits without damaging characters.</summary>
public class MessengerTextTests
{
    [Theory]
    [InlineData("👩🏽‍⚕️👩🏽‍⚕️👩🏽‍⚕️👩🏽‍⚕️", 20)]
    [InlineData("Krankenpflegeschule abgeschlossen", 20)]
    [InlineData("التدريب المهني بعد الإشعار الرسمي", 24)]
    [InlineData("e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301", 20)]
    [InlineData("Ми́ко́ла Ми́ко́ла Ми́ко́ла Ми́ко́ла", 20)]
    public void Trimmed_labels_fit_and_end_on_whole_characters(string label, int max)
    {
        var trimmed = MessengerText.Trim(label, max);

        Assert.InRange(trimmed.Length, 1, max);
        Assert.EndsWith("…", trimmed, StringComparison.Ordinal);
        var kept = trimmed[..^1];
        Assert.StartsWith(kept, label, StringComparison.Ordinal);
        // Every text element kept is one of the original's, whole.
        var original = Elements(label);
        var elements = Elements(kept);
        Assert.Equal(original.Take(elements.Count), elements);
        Assert.False(char.IsHighSurrogate(kept[^1]));
    }

    [Fact]
    public void Short_labels_and_right_to_left_text_are_left_as_they_are()
    {
        Assert.Equal("العربية", MessengerText.Trim("العربية", 20));
        Assert.Equal(["مرحبا بك"], MessengerText.Split("مرحبا بك", 4096));
    }

    [Fact]
    public void Tokens_are_short_ascii_and_stable()
    {
        var long1 = MessengerText.Token(new string('ж', 500));
        var long2 = MessengerText.Token(new string('ж', 500));

        Assert.Equal(long1, long2);
        Assert.NotEqual(long1, MessengerText.Token("Ja"));
        Assert.InRange(Encoding.UTF8.GetByteCount(long1), 1, 64);
        Assert.All(long1, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    private static List<string> Elements(string text)
    {
        var list = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            list.Add((string)enumerator.Current);
        }

        return list;
    }
}
