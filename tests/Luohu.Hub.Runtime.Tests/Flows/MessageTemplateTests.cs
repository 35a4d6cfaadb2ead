using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class MessageTemplateTests
{
    private static JsonObject Body() => (JsonObject)JsonNode.Parse("""
        { "topic": "sensors/parking/LH-1/occupancy", "payload": { "lot": "LH-1", "free": 12, "items": [ { "id": "a" } ] }, "headers": { "source": "sim" } }
        """)!;

    [Theory]
    [InlineData("district/parking/{{payload.lot}}/status", "district/parking/LH-1/status")]
    [InlineData("{{topic}}", "sensors/parking/LH-1/occupancy")]
    [InlineData("from {{headers.source}}: {{payload.free}} free", "from sim: 12 free")]
    [InlineData("{{payload.items[0].id}}", "a")]
    [InlineData("missing: '{{payload.nothing}}'", "missing: ''")]
    public void Render_ReplacesPlaceholdersFromTheMessage(string template, string expected) =>
        Assert.Equal(expected, MessageTemplate.Parse(template).Render(Body()));

    [Fact]
    public void Parse_UnclosedPlaceholder_SaysWhere()
    {
        Assert.False(MessageTemplate.TryParse("a/{{payload.lot", out _, out var error));
        Assert.Contains("character 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderTree_LonePlaceholderKeepsTheValueType()
    {
        var rendered = MessageTemplate.RenderTree(JsonNode.Parse("""{ "free": "{{payload.free}}", "label": "lot {{payload.lot}}", "n": 3 }"""), Body())!;
        Assert.Equal(12, rendered["free"]!.GetValue<int>());
        Assert.Equal("lot LH-1", rendered["label"]!.GetValue<string>());
        Assert.Equal(3, rendered["n"]!.GetValue<int>());
    }

    [Fact]
    public void MessagePath_SetCreatesObjectsOnTheWay_AndRemoveDetaches()
    {
        var body = Body();
        MessagePath.Parse("payload.status.level").Set(body, "full");
        Assert.Equal("full", body["payload"]!["status"]!["level"]!.GetValue<string>());
        var removed = MessagePath.Parse("payload.free").Remove(body);
        Assert.Equal(12, removed!.GetValue<int>());
        Assert.Null(body["payload"]!["free"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("payload.")]
    [InlineData("payload[x]")]
    [InlineData("pay load")]
    public void MessagePath_RejectsMalformedPaths(string path) =>
        Assert.False(MessagePath.TryParse(path, out _, out _));
}
