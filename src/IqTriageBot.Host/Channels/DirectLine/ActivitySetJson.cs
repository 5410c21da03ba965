using System.Text;
using System.Text.Json;

namespace IqTriageBot.Host.Channels.DirectLine;

/// <summary>
/// Builds ActivitySet bodies straight from the stored activity JSON, so activities reach the client
/// byte for byte as stored (channelData and unknown fields included) without a parse and re-serialise.
/// </summary>
public static class ActivitySetJson
{
    public static string Build(IEnumerable<string> activityJson, string? watermark)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var json in activityJson)
            {
                writer.WriteRawValue(json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            if (watermark is not null)
            {
                writer.WriteString("watermark", watermark);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Parses a client watermark; empty, "null", "undefined" or garbage mean "from the start".</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : 0;
}
