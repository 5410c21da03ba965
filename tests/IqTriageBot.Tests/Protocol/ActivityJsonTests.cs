using System.Text.Json.Nodes;
using IqTriageBot.Host.Protocol;

namespace IqTriageBot.Tests.Protocol;

public class ActivityJsonTests
{
    /// <summary>A Web Chat style message with fields the model does not know at every level.</summary>
    private const string RichActivity = """
        {
          "type": "message",
          "id": "conv|0000003",
          "timestamp": "2025-03-02T10:15:31.123Z",
          "localTimestamp": "2025-03-02T11:15:30.950+01:00",
          "localTimezone": "Europe/Berlin",
          "channelId": "webchat",
          "from": { "id": "dl_abc", "name": "User", "role": "user", "avatar": { "url": "https://x/a.png" } },
          "conversation": { "id": "conv", "isGroup": false, "flavour": "vanilla" },
          "recipient": { "id": "bot", "extra": [1, 2] },
          "locale": "fa-IR",
          "text": "سلام",
          "textFormat": "plain",
          "summary": "top-level unknown",
          "importance": "high",
          "semanticAction": { "id": "s1", "entities": { "a": { "type": "x" } } },
          "attachments": [
            { "contentType": "image/png", "contentUrl": "https://x/y.png", "name": "y.png", "fileSize": 1234 },
            { "contentType": "application/vnd.microsoft.card.hero", "content": { "title": "t", "buttons": [ { "type": "imBack", "title": "b", "value": "v", "future": true } ] } }
          ],
          "suggestedActions": {
            "to": [ "dl_abc" ],
            "actions": [
              { "type": "imBack", "title": "العربية", "value": "lang:ar", "imageAltText": "alt", "channelData": { "k": 1 } },
              { "type": "messageBack", "title": "x", "text": "code", "displayText": "X", "value": { "choice": "x", "n": [1, 2.5, null] } }
            ]
          },
          "value": { "action": "severity", "severity": "high", "nested": { "list": [true, false] } },
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true, "supportsTts": true } ],
          "channelData": { "clientActivityID": "1740910530950mx6wd1cknr", "attachmentSizes": [1234], "postBack": true }
        }
        """;

    [Fact]
    public void Round_trip_keeps_every_field_including_unknown_ones()
    {
        var activity = ProtocolJson.Deserialize(RichActivity);

        var written = ProtocolJson.Serialize(activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(RichActivity), JsonNode.Parse(written)), "Round trip changed the activity:\n" + written);
    }

    [Fact]
    public void Unknown_fields_land_in_Extra_of_each_level()
    {
        var activity = ProtocolJson.Deserialize(RichActivity);

        Assert.Contains("summary", activity.Extra!.Keys);
        Assert.Contains("semanticAction", activity.Extra.Keys);
        Assert.Contains("avatar", activity.From!.Extra!.Keys);
        Assert.Contains("flavour", activity.Conversation!.Extra!.Keys);
        Assert.Contains("fileSize", activity.Attachments![0].Extra!.Keys);
        Assert.Contains("imageAltText", activity.SuggestedActions!.Actions[0].Extra!.Keys);
        Assert.Contains("channelData", activity.SuggestedActions.Actions[0].Extra!.Keys);
    }

    [Fact]
    public void ChannelData_and_value_are_written_back_unchanged()
    {
        var original = JsonNode.Parse(RichActivity)!;

        var written = JsonNode.Parse(ProtocolJson.Serialize(ProtocolJson.Deserialize(RichActivity)))!;

        Assert.True(JsonNode.DeepEquals(original["channelData"], written["channelData"]));
        Assert.True(JsonNode.DeepEquals(original["value"], written["value"]));
        Assert.Equal("1740910530950mx6wd1cknr", ProtocolJson.Deserialize(RichActivity).ClientActivityId);
    }

    [Fact]
    public void Unknown_fields_of_suggestedActions_itself_survive()
    {
        const string json = """{"type":"message","suggestedActions":{"to":["u"],"actions":[],"layout":"stacked"}}""";

        var written = JsonNode.Parse(ProtocolJson.Serialize(ProtocolJson.Deserialize(json)))!;

        Assert.Equal("stacked", written["suggestedActions"]?["layout"]?.GetValue<string>());
    }

    [Fact]
    public void Null_properties_are_omitted()
    {
        var activity = ProtocolJson.Deserialize("""{"type":"message","text":null,"from":{"id":"u","name":null},"locale":null}""");

        var written = JsonNode.Parse(ProtocolJson.Serialize(activity))!.AsObject();

        Assert.Equal(["from", "type"], written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["id"], written["from"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("2025-03-02T11:15:31.123+01:00", "2025-03-02T10:15:31.123Z")]
    [InlineData("2025-03-02T10:15:31Z", "2025-03-02T10:15:31.000Z")]
    [InlineData("2025-03-02T10:15:31.1234567-05:30", "2025-03-02T15:45:31.123Z")]
    public void Timestamp_is_written_as_UTC_with_Z(string sent, string expected)
    {
        var activity = ProtocolJson.Deserialize($$"""{"type":"message","timestamp":"{{sent}}","localTimestamp":"{{sent}}"}""");

        var written = JsonNode.Parse(ProtocolJson.Serialize(activity))!;

        Assert.Equal(expected, written["timestamp"]!.GetValue<string>());
        Assert.Equal(sent, written["localTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void Server_timestamps_with_a_local_offset_are_written_in_UTC()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Timestamp = new DateTimeOffset(2025, 3, 2, 12, 0, 0, TimeSpan.FromHours(2)) };

        var written = JsonNode.Parse(ProtocolJson.Serialize(activity))!;

        Assert.Equal("2025-03-02T10:00:00.000Z", written["timestamp"]!.GetValue<string>());
    }
}
