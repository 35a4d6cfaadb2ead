using System.Dynamic;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Workflows.Inputs;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using RulesEngine.HelperFunctions;

namespace Luohu.Hub.Rules.Tests.Workflows;

/// <summary>The hub builds RulesEngine's inputs straight from JSON; they must equal what Json.NET + RulesEngine build.</summary>
public sealed class RuleInputsTests
{
    [Theory]
    [InlineData("""{ "id": "LH-1", "free": 12, "ratio": 0.25, "ok": true, "none": null, "big": 9223372036854775807 }""")]
    [InlineData("""{ "nested": { "a": 1, "b": { "c": "x" } }, "list": [1, 2, 3], "empty": [], "mixed": [1, 2.5] }""")]
    [InlineData("""{ "rows": [ { "x": 1 }, { "y": "s" }, { "x": 2, "y": "t" } ], "lists": [[1], [2, 3]] }""")]
    [InlineData("""{ "at": "2026-12-03T07:00:00Z", "local": "2026-12-03T07:00:00", "offset": "2026-12-03T15:00:00+08:00", "frac": "2026-12-03T07:00:00.123Z", "notADate": "2026-12-03", "ms": "/Date(1700000000000)/" }""")]
    [InlineData("""{ "whole": 1.0, "exp": 1e3, "neg": -12, "text": "12" }""")]
    public void TypedInput_EqualsWhatJsonNetAndRulesEngineBuild(string json)
    {
        var expected = Utils.GetTypedObject(JsonConvert.DeserializeObject<ExpandoObject>(json, new ExpandoObjectConverter())!);

        var actual = RuleInputs.ToTyped(JsonNode.Parse(json));

        Assert.Same(expected.GetType(), actual!.GetType());
        Assert.Equal(JsonConvert.SerializeObject(expected), JsonConvert.SerializeObject(actual));
        Assert.Equal(JsonConvert.SerializeObject(expected), JsonConvert.SerializeObject(RuleInputs.ToTyped(JsonNode.Parse(json))));
    }

    [Theory]
    [InlineData("2026-12-03T07:00:00Z")]
    [InlineData("2026-12-03T07:00:00z")]
    [InlineData("2026-12-03T07:00:00")]
    [InlineData("2026-12-03T24:00:00Z")]
    [InlineData("2026-12-03T07:00:00.1234567Z")]
    [InlineData("2026-12-03T07:00:00.1234567890Z")]
    [InlineData("2026-12-03T07:00:00+0800")]
    [InlineData("2026-12-03T07:00:00-05")]
    [InlineData("2026-12-03T07:00")]
    [InlineData("2026-13-03T07:00:00Z")]
    [InlineData("2026-02-30T07:00:00Z")]
    [InlineData(" 2026-12-03T07:00:00Z")]
    [InlineData("2026-12-03 07:00:00")]
    [InlineData("/Date(1700000000000)/")]
    [InlineData("/Date(1700000000000+0800)/")]
    [InlineData("LH-0042")]
    public void Strings_AreDatesExactlyWhenJsonNetMakesThemDates(string text)
    {
        var expected = ((IDictionary<string, object?>)JsonConvert.DeserializeObject<ExpandoObject>(JsonConvert.SerializeObject(new { v = text }), new ExpandoObjectConverter())!)["v"];

        var actual = RuleInputs.Primitive(JsonValue.Create(text));

        Assert.Equal(expected?.GetType(), actual?.GetType());
        Assert.Equal(expected, actual);
        if (expected is DateTime date)
        {
            Assert.Equal(date.Kind, ((DateTime)actual!).Kind);
        }
    }

    [Fact]
    public void TopLevelPrimitivesAndArrays_StayPlain()
    {
        Assert.Equal(5L, RuleInputs.ToTyped(JsonValue.Create(5)));
        Assert.IsType<List<object?>>(RuleInputs.ToTyped(JsonNode.Parse("[1, 2]")));
        Assert.Null(RuleInputs.ToTyped(null));
    }
}
